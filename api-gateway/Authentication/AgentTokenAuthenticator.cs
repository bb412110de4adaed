using MissionControl.Grains.Security;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>What became of an agent token.</summary>
public enum AgentTokenVerdict
{
    Accepted,
    Rejected,
    RateLimited,
}

/// <summary>
/// The verdict and, when accepted, the agent as the directory knows it (or, when the check against
/// the current hash was left to the caller, as it was when the token was proven), with the
/// token's cache fingerprint so a caller that finds the hash outdated can forget it.
/// </summary>
public sealed record AgentTokenOutcome(AgentTokenVerdict Verdict, AgentTokenCandidate? Agent = null, string? Fingerprint = null);

/// <summary>
/// Decides whether a presented token belongs to an agent, in O(1): one indexed read by lookup key,
/// then PBKDF2 only for a token not proven before (or whose agent's hash has changed since). A
/// route that checks the hash itself, in the same step as its write, skips the read for a token
/// proven before.
/// </summary>
public sealed class AgentTokenAuthenticator(
    IAgentTokenDirectory directory,
    IAgentTokenVerifier verifier,
    VerifiedAgentTokenCache verified,
    FailedAuthLimiter limiter)
{
    /// <summary>Minted tokens are 43 characters; anything far longer is not worth hashing.</summary>
    public const int MaxTokenLength = 256;

    /// <param name="token">The presented token.</param>
    /// <param name="client">The caller's address, for the failure limit.</param>
    /// <param name="hashCheckedDownstream">
    /// The route itself refuses the request unless the hash is still the agent's current one (an
    /// agent's own heartbeat does, in its grain, against the stream): a token proven before is then
    /// accepted without reading the directory.
    /// </param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<AgentTokenOutcome> AuthenticateAsync(
        string token, string client, bool hashCheckedDownstream, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength)
            return Reject(client);

        var fingerprint = verified.Fingerprint(token);
        var remembered = verified.TryGet(fingerprint, out var known);

        // A blocked client still gets in with a token already proven here (that costs no
        // hashing and gives a guesser nothing), but nothing new is looked up or hashed for it.
        if (!remembered && limiter.IsBlocked(client))
            return new AgentTokenOutcome(AgentTokenVerdict.RateLimited);

        if (remembered && hashCheckedDownstream)
            return new AgentTokenOutcome(AgentTokenVerdict.Accepted, known.ToCandidate(), fingerprint);

        var candidates = await directory.FindByLookupAsync(AgentTokens.LookupKey(token), cancellationToken);
        if (remembered)
        {
            var current = candidates.FirstOrDefault(c => c.AgentId == known.AgentId && c.TokenHash == known.TokenHash);
            if (current is not null)
                return new AgentTokenOutcome(AgentTokenVerdict.Accepted, current, fingerprint);
            verified.Forget(fingerprint); // rotated or removed since it was proven
            if (limiter.IsBlocked(client))
                return new AgentTokenOutcome(AgentTokenVerdict.RateLimited);
        }

        var owner = candidates.FirstOrDefault(c => verifier.Verify(token, c.TokenHash));
        if (owner is null)
            return Reject(client);
        verified.Remember(fingerprint, VerifiedAgentToken.Of(owner));
        return new AgentTokenOutcome(AgentTokenVerdict.Accepted, owner, fingerprint);
    }

    /// <summary>The route found the hash a token was proven against outdated: prove it afresh next time.</summary>
    public void ForgetOutdated(string fingerprint) => verified.Forget(fingerprint);

    private AgentTokenOutcome Reject(string client)
    {
        limiter.RecordFailure(client);
        return new AgentTokenOutcome(AgentTokenVerdict.Rejected);
    }
}
