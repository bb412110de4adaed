namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// An agent whose stored token hash has the lookup key of a presented token. Several agents can
/// share a key only by a (rare) collision; the hash decides which, if any, the token belongs to.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TokenHash">Its current stored hash (<c>pbkdf2_sha256$…</c>).</param>
/// <param name="BoardId">Its board; null for a gateway-main agent.</param>
/// <param name="IsBoardLead">Whether it leads its board.</param>
public sealed record AgentTokenCandidate(Guid AgentId, string TokenHash, Guid? BoardId, bool IsBoardLead);

/// <summary>
/// Port to the agents read model: finds agents by
/// <see cref="MissionControl.Grains.Security.AgentTokens.LookupKey"/> with one indexed read.
/// </summary>
public interface IAgentTokenDirectory
{
    /// <summary>Agents whose current token has this lookup key, with their current hashes; empty when none.</summary>
    Task<IReadOnlyList<AgentTokenCandidate>> FindByLookupAsync(string lookupKey, CancellationToken cancellationToken);
}

/// <summary>
/// Stands in until the PostgreSQL directory is registered. It fails loudly, as a 500 naming the
/// missing registration, rather than quietly rejecting every agent as unauthenticated.
/// </summary>
internal sealed class UnwiredAgentTokenDirectory : IAgentTokenDirectory
{
    public Task<IReadOnlyList<AgentTokenCandidate>> FindByLookupAsync(string lookupKey, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No {nameof(IAgentTokenDirectory)} is registered; agent authentication cannot look tokens up.");
}
