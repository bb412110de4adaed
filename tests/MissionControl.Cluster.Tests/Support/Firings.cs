using MissionControl.Testing;

namespace MissionControl.Cluster.Tests.Support;

/// <summary>The reminder firings the test grains recorded in the test schema, from any silo or process.</summary>
public static class Firings
{
    public static async Task<IReadOnlyList<(string Grain, string Silo)>> SinceAsync(TestDatabase database, DateTimeOffset since)
    {
        await using var dataSource = database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select grain, silo from reminder_firings where at > $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = since });
        await using var reader = await command.ExecuteReaderAsync();
        var firings = new List<(string, string)>();
        while (await reader.ReadAsync())
            firings.Add((reader.GetString(0), reader.GetString(1)));
        return firings;
    }
}
