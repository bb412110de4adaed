using MissionControl.Runtime;

namespace MissionControl.Grains.Users.Events;

/// <summary>Base of every event in a user's stream.</summary>
public abstract record UserEvent(DateTimeOffset At);

/// <summary>The user signed in for the first time (or again after deleting their account).</summary>
[EventName("user.registered")]
public sealed record UserRegistered(Guid UserId, string Subject, string? Email, string? Name, DateTimeOffset At) : UserEvent(At);

/// <summary>The profile changed; carries every field's new value.</summary>
[EventName("user.profile_updated")]
public sealed record UserProfileUpdated(UserProfile Profile, DateTimeOffset At) : UserEvent(At);

/// <summary>The user switched the organization they work in.</summary>
[EventName("user.active_organization_set")]
public sealed record UserActiveOrganizationSet(Guid OrganizationId, DateTimeOffset At) : UserEvent(At);

/// <summary>The user deleted their account.</summary>
[EventName("user.deleted")]
public sealed record UserDeleted(DateTimeOffset At) : UserEvent(At);
