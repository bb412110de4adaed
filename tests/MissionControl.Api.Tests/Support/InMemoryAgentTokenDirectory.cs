using System.Collections.Concurrent;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Grains.Security;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// Agents and their token hashes in memory, found by lookup key like the read model will find
/// them. Hashes use a small work factor to keep tests quick; the format and check are the real ones.
/// </summary>
public sealed class InMemoryAgentTokenDirectory : IAgentTokenDirectory
{
    private const int Iterations = 1_000;

    private readonly ConcurrentDictionary<Guid, (string LookupKey, AgentTokenCandidate Agent)> _agents = new();
    private int _lookups;

    /// <summary>How many lookups have been made so far.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Adds an agent with a freshly minted token and returns both.</summary>
    public (AgentTokenCandidate Agent, string Token) Add(Guid? boardId = null, bool isBoardLead = false)
    {
        var token = AgentTokens.Mint();
        var agent = new AgentTokenCandidate(Guid.NewGuid(), AgentTokens.Hash(token, Iterations), boardId, isBoardLead);
        _agents[agent.AgentId] = (AgentTokens.LookupKey(token), agent);
        return (agent, token);
    }

    /// <summary>Stores a new hash for the same token (a new salt), as a re-hash on upgrade would.</summary>
    public AgentTokenCandidate Rehash(Guid agentId, string token) => Store(agentId, token);

    /// <summary>Gives the agent a new token; the old one no longer matches.</summary>
    public string Rotate(Guid agentId)
    {
        var token = AgentTokens.Mint();
        Store(agentId, token);
        return token;
    }

    public Task<IReadOnlyList<AgentTokenCandidate>> FindByLookupAsync(string lookupKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        IReadOnlyList<AgentTokenCandidate> found = [.. _agents.Values.Where(entry => entry.LookupKey == lookupKey).Select(entry => entry.Agent)];
        return Task.FromResult(found);
    }

    private AgentTokenCandidate Store(Guid agentId, string token)
    {
        var agent = _agents[agentId].Agent with { TokenHash = AgentTokens.Hash(token, Iterations) };
        _agents[agentId] = (AgentTokens.LookupKey(token), agent);
        return agent;
    }
}
