using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>Finds agents by token lookup key in the agents read model (one indexed read).</summary>
public sealed class ReadModelAgentTokenDirectory(AgentQueries agents) : IAgentTokenDirectory
{
    public async Task<IReadOnlyList<AgentTokenCandidate>> FindByLookupAsync(string lookupKey, CancellationToken cancellationToken) =>
        (await agents.FindByTokenLookupAsync(lookupKey, cancellationToken))
            .Select(c => new AgentTokenCandidate(c.AgentId, c.TokenHash, c.BoardId, c.IsBoardLead))
            .ToList();
}
