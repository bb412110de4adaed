using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Grains.Security;

/// <summary>
/// Inbox keys (<c>X-Api-Key</c>): <c>oc-</c> plus 43 url-safe characters (256 random bits), shown
/// to the operator once and kept only as HMAC-SHA256 under a server secret. A keyed hash, unlike a
/// bare SHA-256, cannot be checked against guesses by someone who has only the database rows; and
/// because the key is long and random, one exact-match index lookup of the hash is enough.
/// </summary>
public static class InboxKeys
{
    public const string Prefix = "oc-";

    /// <summary>Random bytes behind a key.</summary>
    public const int KeyBytes = 32;

    /// <summary>Length of a minted key: the prefix and 43 characters.</summary>
    public const int KeyLength = 46;

    /// <summary>A fresh key. Show it once; store only <see cref="Hash"/>.</summary>
    public static string Mint() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>True when the presented credential has the shape of an inbox key (and not of an agent token).</summary>
    public static bool LooksLikeKey(string presented) =>
        presented.Length == KeyLength && presented.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form: lower-case hex of HMAC-SHA256(secret, key).</summary>
    public static string Hash(ReadOnlySpan<byte> secret, string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key)));

    /// <summary>True for text shaped like <see cref="Hash"/>'s output; anything else is refused before it is stored.</summary>
    public static bool IsWellFormedHash(string? hash) =>
        hash is { Length: 64 } && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
