using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

/// <summary>Runs <c>connect</c> on a fresh socket and checks what <c>hello-ok</c> says.</summary>
internal static class GatewayHandshake
{
    public static async Task<GatewayServerInfo> RunAsync(
        GatewayConnection connection,
        GatewayClientOptions options,
        IDeviceIdentityStore identityStore,
        CancellationToken cancellationToken)
    {
        var challenge = await WaitForChallengeAsync(connection, options, cancellationToken);
        var device = options.UsesDeviceIdentity && challenge is not null
            ? DeviceChallengeSigner.Sign(
                await identityStore.GetOrCreateAsync(options.GatewayId, cancellationToken),
                SigningContext(options), challenge.Ts, challenge.Nonce)
            : null;

        var hello = await connection.SendRequestAsync("connect", BuildParams(options, device), cancellationToken);
        var info = GatewayServerInfo.Parse(hello);
        if (info.Protocol < options.MinProtocol || info.Protocol > options.MaxProtocol)
            throw GatewayErrors.ProtocolMismatch(info.Protocol, options.MinProtocol, options.MaxProtocol);
        EnforceMinimumVersion(info, options);
        connection.Accept(info);
        return info;
    }

    internal static DeviceChallengeContext SigningContext(GatewayClientOptions options) =>
        new(options.ClientId, options.ClientMode, options.Role, options.Scopes, options.Token, options.Platform);

    private static async Task<ConnectChallenge?> WaitForChallengeAsync(
        GatewayConnection connection, GatewayClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.WaitForChallengeAsync(options.ChallengeTimeout, cancellationToken);
        }
        catch (TimeoutException) when (!options.UsesDeviceIdentity)
        {
            return null; // Only a device signature needs the nonce; connect works without it.
        }
        catch (TimeoutException ex)
        {
            throw new GatewayException(GatewayErrorKind.Timeout,
                $"connect: no connect.challenge within {options.ChallengeTimeout.TotalSeconds:0.#} s, timed out",
                isTransient: true, ex) { Method = "connect" };
        }
    }

    private static ConnectParams BuildParams(GatewayClientOptions options, DeviceProof? device) =>
        new(
            MinProtocol: options.MinProtocol,
            MaxProtocol: options.MaxProtocol,
            Client: new ConnectClient(options.ClientId, options.ClientVersion, options.Platform, options.ClientMode, options.ClientDisplayName),
            Role: options.Role,
            Scopes: options.Scopes,
            Caps: [],
            Auth: new ConnectAuth(options.Token),
            Device: device);

    private static void EnforceMinimumVersion(GatewayServerInfo info, GatewayClientOptions options)
    {
        if (options.MinimumServerVersion is not { } minimumText || info.Version is not { } versionText)
            return;
        var minimum = GatewayVersion.Parse(minimumText);
        // A version we cannot read is not proof of an old gateway; the protocol check already passed.
        if (GatewayVersion.TryParse(versionText, out var version) && version.CompareTo(minimum) < 0)
            throw GatewayErrors.VersionTooOld(versionText, minimumText);
    }
}
