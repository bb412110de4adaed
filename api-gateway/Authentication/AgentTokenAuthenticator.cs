using MissionControl.Grains.Security;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>What became of an agent token.</summary>
public enum AgentTokenVerdict
{
    Accepted,
    Rejected,
    RateLimited,
}

/// <summary>The verdict and, when accepted, the agent as the directory currently knows it.</summary>
public sealed record AgentTokenOutcome(AgentTokenVerdict Verdict, AgentTokenCandidate? Agent = null);

/// <summary>
/// Decides whether a presented token belongs to an agent, in O(1): one indexed read by lookup key,
/// then PBKDF2 only for a token not proven before (or whose agent's hash has changed since).
/// </summary>
public sealed class AgentTokenAuthenticator(
    IAgentTokenDirectory directory,
    IAgentTokenVerifier verifier,
    VerifiedAgentTokenCache verified,
    FailedAuthLimiter limiter)
{
    /// <summary>Minted tokens are 43 characters; anything far longer is not worth hashing.</summary>
    public const int MaxTokenLength = 256;

    public async Task<AgentTokenOutcome> AuthenticateAsync(string token, string client, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength)
            return Reject(client);

        var fingerprint = verified.Fingerprint(token);
        var remembered = verified.TryGet(fingerprint, out var known);

        // A blocked client still gets in with a token already proven here (that costs no
        // hashing and gives a guesser nothing), but nothing new is looked up or hashed for it.
        if (!remembered && limiter.IsBlocked(client))
            return new AgentTokenOutcome(AgentTokenVerdict.RateLimited);

        var candidates = await directory.FindByLookupAsync(AgentTokens.LookupKey(token), cancellationToken);
        if (remembered)
        {
            var current = candidates.FirstOrDefault(c => c.AgentId == known.AgentId && c.TokenHash == known.TokenHash);
            if (current is not null)
                return new AgentTokenOutcome(AgentTokenVerdict.Accepted, current);
            verified.Forget(fingerprint); // rotated or removed since it was proven
            if (limiter.IsBlocked(client))
                return new AgentTokenOutcome(AgentTokenVerdict.RateLimited);
        }

        var owner = candidates.FirstOrDefault(c => verifier.Verify(token, c.TokenHash));
        if (owner is null)
            return Reject(client);
        verified.Remember(fingerprint, new VerifiedAgentToken(owner.AgentId, owner.TokenHash));
        return new AgentTokenOutcome(AgentTokenVerdict.Accepted, owner);
    }

    private AgentTokenOutcome Reject(string client)
    {
        limiter.RecordFailure(client);
        return new AgentTokenOutcome(AgentTokenVerdict.Rejected);
    }
}
