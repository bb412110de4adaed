using MissionControl.GrainInterfaces.Organizations;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>An organization (upstream <c>OrganizationRead</c>).</summary>
public sealed record OrganizationRead(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrganizationRead From(OrganizationRow row) => new(row.Id, row.Name, row.CreatedAt, row.UpdatedAt);

    public static OrganizationRead From(OrganizationView view) => new(view.Id, view.Name, view.CreatedAt, view.UpdatedAt);
}

/// <summary>The body of <c>POST /organizations</c>.</summary>
public sealed record OrganizationCreate(string Name);

/// <summary>The body of <c>PATCH /organizations/me/active</c>.</summary>
public sealed record OrganizationActiveUpdate(Guid OrganizationId);

/// <summary>One organization of the caller, with their role there and whether they work in it now.</summary>
public sealed record OrganizationListItem(Guid Id, string Name, string Role, bool IsActive);

/// <summary>Who a member is.</summary>
public sealed record OrganizationUserRead(Guid Id, string? Email, string? Name, string? PreferredName)
{
    public static OrganizationUserRead From(UserRow user) => new(user.Id, user.Email, user.Name, user.PreferredName);
}

/// <summary>One board grant of a member. A grant has no identity of its own here: its <c>id</c> is the board's.</summary>
public sealed record OrganizationBoardAccessRead(
    Guid Id, Guid BoardId, bool CanRead, bool CanWrite, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static OrganizationBoardAccessRead From(BoardGrantRow grant) =>
        new(grant.BoardId, grant.BoardId, grant.CanRead, grant.CanWrite, grant.CreatedAt, grant.UpdatedAt);
}

/// <summary>
/// A membership (upstream <c>OrganizationMemberRead</c>). A membership is identified by its user
/// within the organization, so its <c>id</c> is the member's user id, and that is the
/// <c>{member_id}</c> the member routes take.
/// </summary>
public sealed record OrganizationMemberRead(
    Guid Id,
    Guid OrganizationId,
    Guid UserId,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    OrganizationUserRead? User,
    IReadOnlyList<OrganizationBoardAccessRead> BoardAccess)
{
    public static OrganizationMemberRead From(MemberDetailRow row) => new(
        row.Member.UserId,
        row.Member.OrganizationId,
        row.Member.UserId,
        row.Member.Role,
        row.Member.AllBoardsRead,
        row.Member.AllBoardsWrite,
        row.Member.CreatedAt,
        row.Member.UpdatedAt,
        row.User is null ? null : OrganizationUserRead.From(row.User),
        [.. row.BoardAccess.Select(OrganizationBoardAccessRead.From)]);
}

/// <summary>The body of <c>PATCH /organizations/me/members/{member_id}</c>: an absent role changes nothing, a blank one means member.</summary>
public sealed record OrganizationMemberUpdate(string? Role = null);

/// <summary>One board of an access change or an invite.</summary>
public sealed record OrganizationBoardAccessSpec(Guid BoardId, bool CanRead = true, bool CanWrite = false);

/// <summary>The body of <c>PUT /organizations/me/members/{member_id}/access</c>: replaces the member's access.</summary>
public sealed record OrganizationMemberAccessUpdate(
    bool AllBoardsRead = false,
    bool AllBoardsWrite = false,
    IReadOnlyList<OrganizationBoardAccessSpec>? BoardAccess = null);

/// <summary>The body of <c>POST /organizations/me/invites</c>.</summary>
public sealed record OrganizationInviteCreate(
    string InvitedEmail,
    string? Role = "member",
    bool AllBoardsRead = false,
    bool AllBoardsWrite = false,
    IReadOnlyList<OrganizationBoardAccessSpec>? BoardAccess = null);

/// <summary>
/// A pending invite (upstream <c>OrganizationInviteRead</c>). <c>token</c> is set only in the
/// answer that creates the invite; only its digest is kept, so it can never be shown again.
/// </summary>
public sealed record OrganizationInviteRead(
    Guid Id,
    Guid OrganizationId,
    string InvitedEmail,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    string? Token,
    Guid? CreatedByUserId,
    Guid? AcceptedByUserId,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OrganizationInviteRead Created(InviteView invite, Guid organizationId, string token) => new(
        invite.Id, organizationId, invite.InvitedEmail, invite.Role, invite.Access.AllBoardsRead, invite.Access.AllBoardsWrite,
        token, invite.CreatedByUserId, null, null, invite.CreatedAt, invite.CreatedAt);

    public static OrganizationInviteRead From(OrganizationInviteRow row) => new(
        row.Id, row.OrganizationId, row.InvitedEmail, row.Role, row.AllBoardsRead, row.AllBoardsWrite,
        null, row.CreatedByUserId, null, null, row.CreatedAt, row.UpdatedAt);

    public static OrganizationInviteRead From(PendingInviteDetailRow row) => new(
        row.Id, row.OrganizationId, row.InvitedEmail, row.Role, row.AllBoardsRead, row.AllBoardsWrite,
        null, row.CreatedByUserId, null, null, row.CreatedAt, row.UpdatedAt);
}

/// <summary>The body of <c>POST /organizations/invites/accept</c>.</summary>
public sealed record OrganizationInviteAccept(string Token);
