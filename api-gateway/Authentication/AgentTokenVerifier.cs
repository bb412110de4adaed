using MissionControl.Grains.Security;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>Checks a token against a stored hash. A seam so tests can count the expensive checks.</summary>
public interface IAgentTokenVerifier
{
    bool Verify(string token, string storedHash);
}

/// <summary>The real check: PBKDF2 with the stored work factor (tens of milliseconds each).</summary>
public sealed class Pbkdf2AgentTokenVerifier : IAgentTokenVerifier
{
    public bool Verify(string token, string storedHash) => AgentTokens.Verify(token, storedHash);
}
