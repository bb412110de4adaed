using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Organizations;

/// <summary>Folds organization events into <see cref="OrganizationState"/>; never throws.</summary>
public static class OrganizationEvolver
{
    /// <summary>The state after <paramref name="evt"/>.</summary>
    public static OrganizationState? Apply(OrganizationState? state, OrganizationEvent evt)
    {
        if (evt is OrganizationCreated created)
        {
            return new OrganizationState(
                created.OrganizationId, created.Name, new Dictionary<Guid, OrganizationMember>(),
                new Dictionary<Guid, OrganizationInvite>(), false, created.At, created.At);
        }

        return state is null ? null : ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
    }

    /// <summary>The state after all <paramref name="events"/>.</summary>
    public static OrganizationState? Fold(IEnumerable<OrganizationEvent> events, OrganizationState? state = null) =>
        events.Aggregate(state, Apply);

    private static OrganizationState ApplyToExisting(OrganizationState state, OrganizationEvent evt) => evt switch
    {
        OrganizationMemberAdded e => WithMember(state, new OrganizationMember(
            state.Id, e.UserId, e.Email, e.Role, e.AllBoardsRead, e.AllBoardsWrite, e.BoardAccess)),
        OrganizationMemberRoleChanged e => ChangeMember(state, e.UserId, member => member with { Role = e.Role }),
        OrganizationMemberAccessSet e => ChangeMember(state, e.UserId, member => member with
        {
            AllBoardsRead = e.AllBoardsRead,
            AllBoardsWrite = e.AllBoardsWrite,
            BoardAccess = e.BoardAccess,
        }),
        OrganizationMemberRemoved e => state with { Members = Without(state.Members, e.UserId) },
        OrganizationInviteCreated e => state with
        {
            PendingInvites = With(state.PendingInvites, e.InviteId, new OrganizationInvite(
                e.InviteId, e.InvitedEmail, e.TokenHash, e.Role, e.AllBoardsRead, e.AllBoardsWrite, e.BoardAccess,
                e.CreatedByUserId, e.At)),
        },
        OrganizationInviteRevoked e => state with { PendingInvites = Without(state.PendingInvites, e.InviteId) },
        OrganizationInviteAccepted e => state with { PendingInvites = Without(state.PendingInvites, e.InviteId) },
        OrganizationDeleted => state with { IsDeleted = true },
        _ => state,
    };

    private static OrganizationState WithMember(OrganizationState state, OrganizationMember member) =>
        state with { Members = With(state.Members, member.UserId, member) };

    private static OrganizationState ChangeMember(OrganizationState state, Guid userId, Func<OrganizationMember, OrganizationMember> change) =>
        state.Members.TryGetValue(userId, out var member) ? WithMember(state, change(member)) : state;

    private static Dictionary<Guid, T> With<T>(IReadOnlyDictionary<Guid, T> source, Guid key, T value) =>
        new(source) { [key] = value };

    private static Dictionary<Guid, T> Without<T>(IReadOnlyDictionary<Guid, T> source, Guid key)
    {
        var copy = new Dictionary<Guid, T>(source);
        copy.Remove(key);
        return copy;
    }
}
