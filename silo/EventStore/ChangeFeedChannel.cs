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
        var schema = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).SearchPath?.Split(',')[0].Trim();
        Name = "mc_events_" + (string.IsNullOrEmpty(schema) ? "public" : schema);
    }

    public string Name { get; }
}
