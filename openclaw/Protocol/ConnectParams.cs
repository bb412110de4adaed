namespace MissionControl.OpenClaw.Protocol;

/// <summary>Params of the <c>connect</c> request. Optional members are null and therefore not sent.</summary>
internal sealed record ConnectParams(
    int MinProtocol,
    int MaxProtocol,
    ConnectClient Client,
    string Role,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Caps,
    ConnectAuth Auth,
    DeviceProof? Device);

internal sealed record ConnectClient(string Id, string Version, string Platform, string Mode, string? DisplayName);

internal sealed record ConnectAuth(string? Token);

/// <summary>The signed <c>device</c> object of <c>connect</c>.</summary>
/// <param name="Id">Lowercase hex SHA-256 of the raw public key.</param>
/// <param name="PublicKey">Base64url of the raw 32-byte Ed25519 public key.</param>
/// <param name="Signature">Base64url Ed25519 signature of the v3 payload.</param>
/// <param name="SignedAt">The challenge's <c>ts</c>.</param>
/// <param name="Nonce">The challenge's <c>nonce</c>.</param>
public sealed record DeviceProof(string Id, string PublicKey, string Signature, long SignedAt, string Nonce);
