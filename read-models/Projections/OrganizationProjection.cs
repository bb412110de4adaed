using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;
using MissionControl.ReadModels.Sql;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.ReadModels.Projections;

/// <summary>
/// Keeps <c>organizations</c>, their members, board grants and pending invites in step with
/// organization streams. The organization row carries the stream version for all of them:
/// child rows change only for an event the organization row accepted, so a member removed
/// cannot be brought back by an older event applied again.
/// </summary>
public sealed partial class OrganizationProjection : IInlineProjection
{
    private const string Table = "organizations";

    public bool Handles(Type eventType) => typeof(OrganizationEvent).IsAssignableFrom(eventType);

    public async Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct)
    {
        switch (recorded.Data)
        {
            case OrganizationCreated e:
                await CreateAsync(connection, recorded, e, ct);
                break;
            case OrganizationDeleted e:
                await VersionedRow.UpdateAsync(connection, Table, recorded, e.At, "deleted = true", ct);
                break;
            case OrganizationEvent e:
                if (await VersionedRow.ClaimAsync(connection, Table, recorded, e.At, "", ct) is { } organizationId)
                    await ApplyToChildrenAsync(connection, new Change(organizationId, recorded.StreamVersion, e.At), e, ct);
                break;
        }
    }

    private static Task CreateAsync(NpgsqlConnection connection, RecordedEvent recorded, OrganizationCreated e, CancellationToken ct) =>
        connection.ExecuteAsync("""
            insert into organizations (id, stream_id, name, version, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $5)
            on conflict do nothing
            """, ct, e.OrganizationId, recorded.StreamId, e.Name, recorded.StreamVersion, e.At);

    private static Task ApplyToChildrenAsync(NpgsqlConnection connection, Change change, OrganizationEvent e, CancellationToken ct) => e switch
    {
        OrganizationMemberAdded added => AddMemberAsync(connection, change, added, ct),
        OrganizationMemberRoleChanged changed => ChangeRoleAsync(connection, change, changed, ct),
        OrganizationMemberAccessSet set => SetAccessAsync(connection, change, set, ct),
        OrganizationMemberRemoved removed => RemoveMemberAsync(connection, change, removed, ct),
        OrganizationInviteCreated invite => CreateInviteAsync(connection, change, invite, ct),
        OrganizationInviteRevoked revoked => RemoveInviteAsync(connection, change, revoked.InviteId, ct),
        OrganizationInviteAccepted accepted => RemoveInviteAsync(connection, change, accepted.InviteId, ct),
        _ => Task.CompletedTask,
    };

    // Grants travel as three parallel arrays for one unnest() insert, taken from one pass so they line up.
    private static object[] GrantColumns(IReadOnlyDictionary<Guid, BoardGrant> grants)
    {
        var pairs = grants.ToArray();
        return [pairs.Select(p => p.Key).ToArray(), pairs.Select(p => p.Value.CanRead).ToArray(), pairs.Select(p => p.Value.CanWrite).ToArray()];
    }

    /// <summary>The organization an event changes, the stream version it brings and when it was decided.</summary>
    private readonly record struct Change(Guid OrganizationId, long Version, DateTimeOffset At);
}
