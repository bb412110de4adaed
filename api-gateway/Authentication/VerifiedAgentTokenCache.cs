using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Tokens already proven by PBKDF2, so a known agent's next request costs no hashing. Entries are
/// keyed by an HMAC of the token under a random per-process key: the raw token is never kept,
/// and a memory dump yields nothing that verifies elsewhere. Each entry records the stored hash
/// it was proven against; a caller compares that with the agent's current hash, so a rotated or
/// revoked token stops working at once without any PBKDF2.
/// </summary>
public sealed class VerifiedAgentTokenCache : IDisposable
{
    // Entries are small; a fleet larger than this would pay a PBKDF2 for every evicted token.
    public const int Capacity = 100_000;

    // Long enough to cover agents' heartbeat intervals; idle entries fall out.
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The cache key for a token; the same token gives the same key within this process only.</summary>
    public string Fingerprint(string token) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(token)));

    public bool TryGet(string fingerprint, out VerifiedAgentToken entry) =>
        _entries.TryGetValue(fingerprint, out entry);

    public void Remember(string fingerprint, VerifiedAgentToken entry) =>
        _entries.Set(fingerprint, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleExpiry });

    public void Forget(string fingerprint) => _entries.Remove(fingerprint);

    public void Dispose() => _entries.Dispose();
}

/// <summary>
/// Which agent a token was proven for, against which of its stored hashes, and the agent's board
/// and role as they were then (enough for a principal when the directory is not read again).
/// </summary>
public readonly record struct VerifiedAgentToken(Guid AgentId, string TokenHash, Guid? BoardId, bool IsBoardLead)
{
    public static VerifiedAgentToken Of(AgentTokenCandidate agent) => new(agent.AgentId, agent.TokenHash, agent.BoardId, agent.IsBoardLead);

    public AgentTokenCandidate ToCandidate() => new(AgentId, TokenHash, BoardId, IsBoardLead);
}
