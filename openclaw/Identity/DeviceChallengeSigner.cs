using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MissionControl.OpenClaw.Protocol;
using Org.BouncyCastle.Crypto.Signers;

namespace MissionControl.OpenClaw.Identity;

/// <summary>What the signed payload binds together; every field must match the connect params exactly.</summary>
/// <param name="ClientId"><c>client.id</c>.</param>
/// <param name="ClientMode"><c>client.mode</c>.</param>
/// <param name="Role">Requested role.</param>
/// <param name="Scopes">Requested scopes, in the order sent.</param>
/// <param name="Token"><c>auth.token</c> (or device token); empty when none.</param>
/// <param name="Platform"><c>client.platform</c>.</param>
/// <param name="DeviceFamily"><c>client.deviceFamily</c>; empty when not sent.</param>
public sealed record DeviceChallengeContext(
    string ClientId,
    string ClientMode,
    string Role,
    IReadOnlyList<string> Scopes,
    string? Token,
    string Platform,
    string? DeviceFamily = null);

/// <summary>Signs <c>connect.challenge</c> nonces with a device key (payload format v3).</summary>
public static class DeviceChallengeSigner
{
    /// <summary>Builds the exact UTF-8 text the gateway verifies.</summary>
    public static string BuildPayload(string deviceId, DeviceChallengeContext context, long signedAt, string nonce) =>
        string.Join('|',
            "v3",
            deviceId,
            context.ClientId,
            context.ClientMode,
            context.Role,
            string.Join(',', context.Scopes),
            signedAt.ToString(CultureInfo.InvariantCulture),
            context.Token ?? "",
            nonce,
            Normalize(context.Platform),
            Normalize(context.DeviceFamily));

    /// <summary>Produces the <c>device</c> object for <c>connect</c>.</summary>
    public static DeviceProof Sign(DeviceIdentity identity, DeviceChallengeContext context, long signedAt, string nonce)
    {
        var deviceId = identity.DeviceId;
        var payload = Encoding.UTF8.GetBytes(BuildPayload(deviceId, context, signedAt, nonce));
        var signer = new Ed25519Signer();
        signer.Init(true, identity.PrivateKeyParameters);
        signer.BlockUpdate(payload, 0, payload.Length);
        var signature = signer.GenerateSignature();
        return new DeviceProof(
            deviceId,
            Base64Url.EncodeToString(identity.PublicKeyBytes),
            Base64Url.EncodeToString(signature),
            signedAt,
            nonce);
    }

    private static string Normalize(string? value) => (value ?? "").Trim().ToLowerInvariant();
}
