using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations.Events;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Organizations;

/// <summary>
/// An organization's event stream behind <see cref="IOrganizationGrain"/>. Board grants are
/// checked against the boards' own grains (each must belong to this organization) before the
/// decider runs, so callers need not list the organization's boards.
/// </summary>
[GrainType("organization")]
public sealed class OrganizationGrain(TimeProvider clock) : EntityGrain<OrganizationState, OrganizationEvent>, IOrganizationGrain
{
    protected override bool IsLive(OrganizationState state) => !state.IsDeleted;

    protected override OrganizationState? Apply(OrganizationState? state, OrganizationEvent @event) =>
        OrganizationEvolver.Apply(state, @event);

    public async Task<OrganizationView> Create(NewOrganization organization)
    {
        var command = new CreateOrganization(EntityId, organization.Name, organization.OwnerUserId, organization.OwnerEmail, clock.GetUtcNow());
        await Execute(state => OrganizationDecider.Decide(state, command));
        return OrganizationViews.Of(Live());
    }

    public async Task<OrganizationView> ChangeMemberRole(Guid actorUserId, Guid memberUserId, string? role)
    {
        await Execute(state => OrganizationDecider.Decide(state, new ChangeMemberRole(actorUserId, memberUserId, role, clock.GetUtcNow())));
        return OrganizationViews.Of(Live());
    }

    public async Task<OrganizationView> SetMemberAccess(Guid actorUserId, Guid memberUserId, MemberAccess access)
    {
        var boardIds = await OwnBoardsAsync(access);
        var command = new SetMemberAccess(
            actorUserId, memberUserId, access.AllBoardsRead, access.AllBoardsWrite, OrganizationViews.ToGrants(access), boardIds, clock.GetUtcNow());
        await Execute(state => OrganizationDecider.Decide(state, command));
        return OrganizationViews.Of(Live());
    }

    public async Task<OrganizationView> RemoveMember(Guid actorUserId, Guid memberUserId)
    {
        await Execute(state => OrganizationDecider.Decide(state, new RemoveMember(actorUserId, memberUserId, clock.GetUtcNow())));
        return OrganizationViews.Of(Live());
    }

    public async Task<InviteView> CreateInvite(Guid actorUserId, NewInvite invite)
    {
        var boardIds = await OwnBoardsAsync(invite.Access);
        var command = new CreateInvite(
            actorUserId, invite.InviteId, invite.InvitedEmail, invite.TokenHash, invite.Role, invite.Access.AllBoardsRead,
            invite.Access.AllBoardsWrite, OrganizationViews.ToGrants(invite.Access), boardIds, clock.GetUtcNow());
        await Execute(state => OrganizationDecider.Decide(state, command));
        return OrganizationViews.Of(Live().PendingInvites[invite.InviteId]);
    }

    public async Task RevokeInvite(Guid actorUserId, Guid inviteId) =>
        await Execute(state => OrganizationDecider.Decide(state, new RevokeInvite(actorUserId, inviteId, clock.GetUtcNow())));

    public async Task<MemberView> AcceptInvite(Guid userId, string? email, string tokenHash)
    {
        await Execute(state => OrganizationDecider.Decide(state, new AcceptInvite(userId, email, tokenHash, clock.GetUtcNow())));
        return OrganizationViews.Of(Live().Members[userId]);
    }

    public async Task<MemberView> ClaimInvite(Guid userId, string? email, Guid inviteId)
    {
        await Execute(state => OrganizationDecider.Decide(state, new ClaimInvite(userId, email, inviteId, clock.GetUtcNow())));
        return OrganizationViews.Of(Live().Members[userId]);
    }

    public Task Leave(Guid userId) =>
        Execute(state => OrganizationDecider.Decide(state, new LeaveOrganization(userId, clock.GetUtcNow())));

    public async Task Delete(Guid actorUserId)
    {
        await Execute(state => OrganizationDecider.Decide(state, new DeleteOrganization(actorUserId, clock.GetUtcNow())));
        // The decider lets a repeated delete pass; an organization that never existed is still unknown.
        if (State is null)
            throw DomainError.NotFound(NotFoundDetail);
    }

    public Task<OrganizationView> Get() => Task.FromResult(OrganizationViews.Of(Live()));

    /// <summary>The granted boards that exist and belong to this organization, as their grains say.</summary>
    private async Task<IReadOnlySet<Guid>> OwnBoardsAsync(MemberAccess access)
    {
        var owned = new HashSet<Guid>();
        foreach (var boardId in access.Boards.Keys)
        {
            if (await BoardOrganizationAsync(boardId) == EntityId)
                owned.Add(boardId);
        }
        return owned;
    }

    private async Task<Guid?> BoardOrganizationAsync(Guid boardId)
    {
        try
        {
            return (await GrainFactory.GetGrain<IBoardGrain>(boardId.ToString()).Get()).OrganizationId;
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.NotFound)
        {
            return null;
        }
    }
}
