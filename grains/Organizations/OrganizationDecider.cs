using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Organizations;

/// <summary>
/// Membership rules of an organization (reference §2.3): who may manage members and invites,
/// the owner safeguards, and invite acceptance. Pure; throws <see cref="DomainException"/>.
/// </summary>
public static partial class OrganizationDecider
{
    /// <summary>Decides the events for <paramref name="command"/> (state is null for a new stream).</summary>
    public static IReadOnlyList<OrganizationEvent> Decide(OrganizationState? state, OrganizationCommand command) => command switch
    {
        CreateOrganization c => Create(state, c),
        ChangeMemberRole c => ChangeRole(RequireLive(state), c),
        SetMemberAccess c => SetAccess(RequireLive(state), c),
        RemoveMember c => Remove(RequireLive(state), c),
        CreateInvite c => Invite(RequireLive(state), c),
        RevokeInvite c => Revoke(RequireLive(state), c),
        AcceptInvite c => Accept(RequireLive(state), c),
        ClaimInvite c => Claim(RequireLive(state), c),
        LeaveOrganization c => Leave(state, c),
        DeleteOrganization c => Delete(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown organization command"),
    };

    private static IReadOnlyList<OrganizationEvent> Create(OrganizationState? state, CreateOrganization command)
    {
        if (state is not null)
        {
            throw DomainError.Conflict("Organization already exists");
        }

        var name = Text.TrimToNull(command.Name) ?? throw DomainError.Validation("name is required");
        return
        [
            new OrganizationCreated(command.OrganizationId, name, command.Now),
            new OrganizationMemberAdded(
                command.OwnerUserId, NormalizeEmail(command.OwnerEmail), Roles.Owner, true, true, NoGrants, command.Now),
        ];
    }

    public const string OnlyOwnersDelete = "Only organization owners can delete organizations";

    private static IReadOnlyList<OrganizationEvent> Delete(OrganizationState? state, DeleteOrganization command)
    {
        if (state is null || state.IsDeleted)
        {
            return [];
        }

        var actor = RequireAdmin(state, command.ActorUserId);
        return actor.Role == Roles.Owner
            ? [new OrganizationDeleted(command.Now)]
            : throw DomainError.Forbidden(OnlyOwnersDelete);
    }

    private static readonly IReadOnlyDictionary<Guid, BoardGrant> NoGrants = new Dictionary<Guid, BoardGrant>();

    private static OrganizationState RequireLive(OrganizationState? state) =>
        state is null || state.IsDeleted ? throw DomainError.NotFound() : state;

    private static OrganizationMember RequireAdmin(OrganizationState state, Guid userId)
    {
        var member = state.MemberOf(userId) ?? throw DomainError.Forbidden("No org access");
        return Roles.IsAdmin(member.Role) ? member : throw DomainError.Forbidden();
    }

    private static OrganizationMember RequireMember(OrganizationState state, Guid userId) =>
        state.MemberOf(userId) ?? throw DomainError.NotFound();

    private static string? NormalizeEmail(string? email) => Text.TrimToNull(email)?.ToLowerInvariant();

    private static int OwnerCount(OrganizationState state) => state.Members.Values.Count(m => m.Role == Roles.Owner);

    /// <summary>
    /// Grants are only meaningful without an all-boards flag; every granted board must belong to
    /// the organization, and write implies read.
    /// </summary>
    private static IReadOnlyDictionary<Guid, BoardGrant> CleanGrants(
        bool allRead, bool allWrite, IReadOnlyDictionary<Guid, BoardGrant> grants, IReadOnlySet<Guid> organizationBoardIds)
    {
        if (grants.Keys.Any(boardId => !organizationBoardIds.Contains(boardId)))
        {
            throw DomainError.Validation("Some board ids do not belong to this organization");
        }

        if (allRead || allWrite)
        {
            return NoGrants;
        }

        return grants
            .Where(pair => pair.Value.CanRead || pair.Value.CanWrite)
            .ToDictionary(pair => pair.Key, pair => new BoardGrant(true, pair.Value.CanWrite));
    }
}
