using Microsoft.Extensions.DependencyInjection;
using MissionControl.Grains.Agents.Events;
using MissionControl.ReadModels;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using MissionControl.Testing;
using Npgsql;

namespace MissionControl.Integration.Tests.ReadModels;

/// <summary>
/// One silo over a fresh schema with every domain event and the read models registered.
/// Tests share it and isolate themselves by fresh ids.
/// </summary>
public class ReadModelFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public IServiceProvider Services => _cluster!.Primary.Services;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync() =>
        _cluster = await TestCluster.StartAsync(1, silo => Configure(silo.AddEventsFrom(typeof(AgentCreated).Assembly).AddReadModels()));

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }

    /// <summary>Appends real domain events to a stream whose id is "type-key", as grains do.</summary>
    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, params object[] events) =>
        Store.AppendAsync(streamId, expectedVersion, events, EventMetadata.Empty);

    /// <summary>A raw read for what no query exposes (versions, column lists).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = Get<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>Extra registrations of a derived fixture.</summary>
    protected virtual void Configure(SiloBuilder silo)
    {
    }
}
