using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// The NOTIFY channel appends signal on. One per schema, so databases shared by several
/// deployments (or test fixtures) do not wake each other's consumers.
/// </summary>
public sealed class ChangeFeedChannel
{
    public ChangeFeedChannel(NpgsqlDataSource dataSource)
    {
        Name = "mc_events_" + (DatabaseSchema.Of(dataSource.ConnectionString) ?? "public");
    }

    public string Name { get; }
}
