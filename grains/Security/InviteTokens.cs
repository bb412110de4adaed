using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Grains.Security;

/// <summary>
/// Invite tokens are looked up by value when accepted, so they are stored as an unsalted
/// SHA-256 digest: the token carries 192 random bits, which makes salting unnecessary and keeps
/// the lookup an index seek.
/// </summary>
public static class InviteTokens
{
    /// <summary>A fresh url-safe random invite token (24 random bytes).</summary>
    public static string Mint() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Lowercase hex SHA-256 of the token, the form stored on invites.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
