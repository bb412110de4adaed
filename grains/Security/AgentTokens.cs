using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Grains.Security;

/// <summary>
/// Agent tokens: minted once, handed to the agent through its workspace files, and kept here
/// only as a salted PBKDF2-HMAC-SHA256 hash. The stored form is
/// <c>pbkdf2_sha256$&lt;iterations&gt;$&lt;salt&gt;$&lt;digest&gt;</c> with salt and digest in
/// unpadded base64url, which is the format existing upstream databases hold, so their agents'
/// tokens keep verifying after a migration.
/// </summary>
public static class AgentTokens
{
    /// <summary>The algorithm tag at the start of every stored hash.</summary>
    public const string Algorithm = "pbkdf2_sha256";

    /// <summary>Work factor for new hashes.</summary>
    public const int DefaultIterations = 200_000;

    /// <summary>Random bytes behind a minted token (43 url-safe characters).</summary>
    public const int TokenBytes = 32;

    /// <summary>Salt length for new hashes.</summary>
    public const int SaltBytes = 16;

    private const int DigestBytes = 32;

    // A stored hash is data; a corrupted or hostile row must not make verification spin for
    // minutes, so iteration counts outside this range are treated as invalid.
    private const int MaxAcceptedIterations = 10_000_000;

    /// <summary>A fresh url-safe random token. Show it to the agent once; store only its hash.</summary>
    public static string Mint() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Characters of the lookup key; 48 bits, so 10,000 agents almost never share one.</summary>
    public const int LookupKeyLength = 8;

    /// <summary>
    /// A short, unsalted fingerprint of the token that lets an incoming token find its agent with
    /// one indexed read instead of a PBKDF2 check per agent. It keeps 48 bits of a SHA-256 of a
    /// 256-bit random token: a leaked key narrows nothing an attacker could search, and the full
    /// PBKDF2 hash still decides whether a token is valid.
    /// </summary>
    public static string LookupKey(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..LookupKeyLength];
    }

    /// <summary>Hashes a token with a fresh random salt.</summary>
    public static string Hash(string token, int iterations = DefaultIterations) =>
        Hash(token, RandomNumberGenerator.GetBytes(SaltBytes), iterations);

    /// <summary>Hashes a token with the given salt; exposed so known vectors can be checked.</summary>
    public static string Hash(string token, ReadOnlySpan<byte> salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var digest = Derive(token, salt, iterations, DigestBytes);
        return string.Join(
            '$',
            Algorithm,
            iterations.ToString(CultureInfo.InvariantCulture),
            Base64Url.EncodeToString(salt),
            Base64Url.EncodeToString(digest));
    }

    /// <summary>
    /// True when <paramref name="token"/> matches <paramref name="storedHash"/>. Malformed hashes
    /// verify as false rather than throwing; the digest comparison takes constant time.
    /// </summary>
    public static bool Verify(string? token, string? storedHash)
    {
        if (token is null || !TryParse(storedHash, out var parsed))
        {
            return false;
        }

        var candidate = Derive(token, parsed.Salt, parsed.Iterations, parsed.Digest.Length);
        return CryptographicOperations.FixedTimeEquals(candidate, parsed.Digest);
    }

    /// <summary>True when the text has the shape of a stored hash this class can verify.</summary>
    public static bool IsWellFormedHash(string? storedHash) => TryParse(storedHash, out _);

    private static byte[] Derive(string token, ReadOnlySpan<byte> salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(token), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryParse(string? storedHash, out ParsedHash parsed)
    {
        parsed = default;
        var parts = storedHash?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Algorithm)
        {
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxAcceptedIterations)
        {
            return false;
        }

        if (!TryDecode(parts[2], out var salt) || !TryDecode(parts[3], out var digest) || digest.Length == 0)
        {
            return false;
        }

        parsed = new ParsedHash(iterations, salt, digest);
        return true;
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private readonly record struct ParsedHash(int Iterations, byte[] Salt, byte[] Digest);
}
