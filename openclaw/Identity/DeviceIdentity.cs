using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace MissionControl.OpenClaw.Identity;

/// <summary>
/// An Ed25519 device key pair, as plain base64 strings so any store can persist it.
/// </summary>
/// <param name="PrivateKey">Base64 of the raw 32-byte Ed25519 private key (seed).</param>
/// <param name="PublicKey">Base64 of the raw 32-byte Ed25519 public key.</param>
/// <param name="CreatedAt">When the pair was generated.</param>
public sealed record DeviceIdentity(string PrivateKey, string PublicKey, DateTimeOffset CreatedAt)
{
    /// <summary>Generates a fresh key pair.</summary>
    public static DeviceIdentity Generate(TimeProvider? clock = null)
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        var publicKey = privateKey.GeneratePublicKey();
        return new DeviceIdentity(
            Convert.ToBase64String(privateKey.GetEncoded()),
            Convert.ToBase64String(publicKey.GetEncoded()),
            (clock ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>The gateway's device id: lowercase hex SHA-256 of the raw public key.</summary>
    public string DeviceId => Convert.ToHexStringLower(SHA256.HashData(PublicKeyBytes));

    internal byte[] PublicKeyBytes => Convert.FromBase64String(PublicKey);

    internal Ed25519PrivateKeyParameters PrivateKeyParameters => new(Convert.FromBase64String(PrivateKey), 0);
}
