using MissionControl.Grains.Security;
using MissionControl.ReadModels.Inbox;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Decides whose <c>X-Api-Key</c> a request carries. An inbox key (<c>oc-…</c>) is hashed with the
/// server secret and looked up by that hash (one unique-index read, no per-agent work), so a rotated
/// key fails at once. Any other value is tried as the agent's own token, which is what the
/// workspaces Mission Control provisions tell their agents to send. Failures count against the
/// client's budget shared with agent tokens.
/// </summary>
public sealed class InboxKeyAuthenticator(
    InboxKeyIssuer keys,
    InboxQueries queries,
    AgentTokenAuthenticator agentTokens,
    VerifiedAgentTokenCache proven,
    FailedAuthLimiter limiter)
{
    public async Task<AgentTokenOutcome> AuthenticateAsync(string presented, string client, CancellationToken ct)
    {
        if (!InboxKeys.LooksLikeKey(presented))
            return await agentTokens.AuthenticateAsync(presented, client, hashCheckedDownstream: false, ct);

        // As for agent tokens: a blocked client still gets in with a key proven here before, so a
        // guesser sharing its address cannot lock a working agent out; nothing new is looked up.
        var fingerprint = proven.Fingerprint(presented);
        if (!proven.TryGet(fingerprint, out _) && limiter.IsBlocked(client))
            return new AgentTokenOutcome(AgentTokenVerdict.RateLimited);

        var hash = await keys.HashAsync(presented, ct);
        var owner = await queries.FindKeyOwnerAsync(hash, ct);
        if (owner is null)
        {
            proven.Forget(fingerprint);
            limiter.RecordFailure(client);
            return new AgentTokenOutcome(AgentTokenVerdict.Rejected);
        }

        proven.Remember(fingerprint, new VerifiedAgentToken(owner.AgentId, hash, owner.BoardId, owner.IsBoardLead));
        return new AgentTokenOutcome(AgentTokenVerdict.Accepted, Candidate(owner, hash));
    }

    private static AgentTokenCandidate Candidate(InboxKeyOwner owner, string hash) =>
        new(owner.AgentId, hash, owner.BoardId, owner.IsBoardLead);
}
