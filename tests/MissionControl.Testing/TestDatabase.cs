using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Testing;

/// <summary>
/// A fresh schema in the PostgreSQL named by <c>DATABASE_URL</c>, dropped on dispose, so
/// fixtures never see each other's rows. The test command starts a PostgreSQL and sets the URL.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string serverConnectionString, string schema)
    {
        ServerConnectionString = serverConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public string Schema { get; }

    /// <summary>A connection string whose search path is this fixture's schema.</summary>
    public string ConnectionString { get; }

    private string ServerConnectionString { get; }

    public static TestDatabase Create()
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException(
                "DATABASE_URL is not set. Run the tests with deploy/test.sh, which starts a PostgreSQL for them.");
        return new TestDatabase(DatabaseUrl.ToConnectionString(url), "t_" + Guid.NewGuid().ToString("N")[..12]);
    }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>A stream's event versions as Marten's table holds them, in the order they were numbered.</summary>
    public async Task<List<long>> StreamVersionsAsync(string streamId)
    {
        await using var database = CreateDataSource();
        await using var command = database.CreateCommand("select version from mt_events where stream_id = $1 order by seq_id");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt64(0));
        return versions;
    }

    public async ValueTask DisposeAsync()
    {
        // The Orleans providers open their connections from the connection string, so they share
        // one pool per schema that outlives the silos; its idle connections would otherwise stay
        // open for minutes and, over a whole run, use up the server's connections.
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await using var dataSource = NpgsqlDataSource.Create(ServerConnectionString);
        await using var command = dataSource.CreateCommand($"drop schema if exists \"{Schema}\" cascade");
        await command.ExecuteNonQueryAsync();
    }
}
