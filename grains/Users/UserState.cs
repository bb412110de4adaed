namespace MissionControl.Grains.Users;

/// <summary>One operator, folded from their stream. Snapshotted as JSON.</summary>
public sealed record UserState(
    Guid Id,
    string Subject,
    string? Email,
    string? Name,
    UserProfile Profile,
    Guid? ActiveOrganizationId,
    bool IsDeleted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>What users say about themselves; rendered into their agents' USER.md.</summary>
public sealed record UserProfile(
    string? Name = null,
    string? PreferredName = null,
    string? Pronouns = null,
    string? Timezone = null,
    string? Notes = null,
    string? Context = null);
