namespace MissionControl.ReadModels.Queries;

/// <summary>An organization (the API's OrganizationRead).</summary>
public sealed record OrganizationRow(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One organization a user belongs to, with the user's role there (the API's org list).</summary>
public sealed record UserOrganizationRow(Guid Id, string Name, string Role);

/// <summary>A membership (the API's OrganizationMemberRead without the user's profile).</summary>
public sealed record OrganizationMemberRow(
    Guid OrganizationId,
    Guid UserId,
    string? Email,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A per-board permission of a member or an invite.</summary>
public sealed record BoardAccessRow(Guid BoardId, bool CanRead, bool CanWrite);

/// <summary>A member's role and flags with the per-board grants that go with them.</summary>
public sealed record MemberAccessRow(OrganizationMemberRow Member, IReadOnlyList<BoardAccessRow> BoardAccess);

/// <summary>A pending invitation; the token is never part of it.</summary>
public sealed record OrganizationInviteRow(
    Guid Id,
    Guid OrganizationId,
    string InvitedEmail,
    string Role,
    bool AllBoardsRead,
    bool AllBoardsWrite,
    IReadOnlyList<BoardAccessRow> BoardAccess,
    Guid CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
