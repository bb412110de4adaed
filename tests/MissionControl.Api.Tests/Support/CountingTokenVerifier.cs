using System.Collections.Concurrent;
using MissionControl.ApiGateway.Authentication;

namespace MissionControl.Api.Tests.Support;

/// <summary>The real PBKDF2 check, counted per stored hash so tests sharing a host do not see each other's counts.</summary>
public sealed class CountingTokenVerifier : IAgentTokenVerifier
{
    private readonly Pbkdf2AgentTokenVerifier _real = new();
    private readonly ConcurrentDictionary<string, int> _checks = new();

    public int ChecksAgainst(string storedHash) => _checks.GetValueOrDefault(storedHash);

    public bool Verify(string token, string storedHash)
    {
        _checks.AddOrUpdate(storedHash, 1, (_, count) => count + 1);
        return _real.Verify(token, storedHash);
    }
}
