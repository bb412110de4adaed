using MissionControl.Grains.Organizations;

namespace MissionControl.Grains.Access;

/// <summary>Who is making a request: a signed-in user or an agent with its token.</summary>
public abstract record Actor;

/// <summary>A user acting through their membership of the active organization (null when they have none).</summary>
public sealed record UserActor(Guid UserId, OrganizationMember? Member) : Actor;

/// <summary>An agent acting with its own token.</summary>
public sealed record AgentActor(Guid AgentId, Guid? BoardId, Guid GatewayId, bool IsBoardLead) : Actor
{
    /// <summary>A lead is an agent flagged as lead that sits on a board.</summary>
    public bool IsLead => IsBoardLead && BoardId is not null;
}
