using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace MissionControl.Silo.Cluster;

/// <summary>One silo incarnation as the membership table records it.</summary>
/// <param name="Status">joining, active, shutting_down, stopping, dead, ...</param>
/// <param name="GatewayPort">The port clients connect on; null when the silo takes no clients.</param>
/// <param name="LastHeartbeatAt">When the silo last wrote that it is alive.</param>
/// <param name="SuspectedBy">Silos that voted this one dead (address:port@generation).</param>
public sealed record SiloMembership(
    string Address,
    int Port,
    int Generation,
    string SiloName,
    string HostName,
    string Status,
    int? GatewayPort,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeatAt,
    IReadOnlyList<string> SuspectedBy);

/// <summary>Reads this cluster's silos from the membership table (every silo writes its own row).</summary>
public sealed class ClusterMembers(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
{
    public async Task<IReadOnlyList<SiloMembership>> ListAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select address, port, generation, silo_name, host_name, status, proxy_port,
                   start_time, i_am_alive_time, suspect_times
            from orleans_membership where deployment_id = $1
            order by start_time, address, port
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ClusterId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var members = new List<SiloMembership>();
        while (await reader.ReadAsync(ct))
            members.Add(Read(reader));
        return members;
    }

    private static SiloMembership Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetInt32(1),
        row.GetInt32(2),
        row.GetString(3),
        row.GetString(4),
        StatusName((SiloStatus)row.GetInt32(5)),
        row.IsDBNull(6) || row.GetInt32(6) == 0 ? null : row.GetInt32(6),
        row.GetFieldValue<DateTimeOffset>(7),
        row.GetFieldValue<DateTimeOffset>(8),
        row.IsDBNull(9) ? [] : Voters(row.GetString(9)));

    public static string StatusName(SiloStatus status) => status switch
    {
        SiloStatus.ShuttingDown => "shutting_down",
        _ => status.ToString().ToLowerInvariant(),
    };

    // Each entry is "<silo>,<time>", entries separated by '|'.
    private static string[] Voters(string suspectTimes) =>
        suspectTimes.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split(',')[0])
            .Distinct()
            .ToArray();
}
