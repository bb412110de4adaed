using MissionControl.Grains.Users.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>Keeps <c>users</c> in step with user streams.</summary>
public sealed class UserProjection : IInlineProjection
{
    private const string Table = "users";

    public bool Handles(Type eventType) => typeof(UserEvent).IsAssignableFrom(eventType);

    public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        UserRegistered e => RegisterAsync(connection, recorded, e, ct),
        UserProfileUpdated e => Update(connection, recorded, e,
            "name = $4, preferred_name = $5, pronouns = $6, timezone = $7, notes = $8, context = $9", ct,
            e.Profile.Name, e.Profile.PreferredName, e.Profile.Pronouns, e.Profile.Timezone, e.Profile.Notes, e.Profile.Context),
        UserActiveOrganizationSet e => Update(connection, recorded, e, "active_organization_id = $4", ct, e.OrganizationId),
        UserDeleted e => Update(connection, recorded, e, "deleted = true, active_organization_id = null", ct),
        UserEvent e => Update(connection, recorded, e, "", ct),
        _ => Task.CompletedTask,
    };

    // A user who deleted their account and signs in again is registered on the same stream: the row starts over.
    private static Task RegisterAsync(NpgsqlConnection connection, RecordedEvent recorded, UserRegistered e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into users (id, stream_id, subject, email, name, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $7)
            on conflict (id) do update set
                subject = excluded.subject, email = excluded.email, name = excluded.name, preferred_name = null,
                pronouns = null, timezone = null, notes = null, context = null, active_organization_id = null,
                deleted = false, version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at
            where users.version < excluded.version
            """, ct,
            e.UserId, recorded.StreamId, e.Subject, e.Email, e.Name, recorded.StreamVersion, e.At);

    private static Task<int> Update(
        NpgsqlConnection connection, RecordedEvent recorded, UserEvent e, string assignments,
        CancellationToken ct, params object?[] values) =>
        VersionedRow.UpdateAsync(connection, Table, recorded, e.At, assignments, ct, values);
}
