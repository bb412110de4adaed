using Microsoft.Extensions.DependencyInjection;
using MissionControl.Cluster.Tests.Support;
using MissionControl.Testing;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;

namespace MissionControl.Cluster.Tests;

/// <summary>Grain state in PostgreSQL: round trips, and a write from a stale version is refused, never merged.</summary>
public sealed class GrainStateTests
{
    [GenerateSerializer]
    public sealed record Registry(List<string> Names);

    [Fact]
    public async Task Given_stored_state_When_two_holders_of_one_version_write_Then_the_second_gets_a_conflict_and_the_first_write_stands()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var storage = Storage(silo);
        var id = GrainId.Create("registry", "names");

        var created = new GrainState<Registry>(new Registry(["alpha"]));
        await storage.WriteStateAsync("state", id, created);
        var (one, two) = (await ReadAsync(storage, id), await ReadAsync(storage, id));
        one.State!.Names.Add("beta");
        await storage.WriteStateAsync("state", id, one);
        two.State!.Names.Add("gamma");
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", id, two));
        var stored = await ReadAsync(storage, id);

        Assert.NotNull(conflict);
        Assert.NotEqual(created.ETag, one.ETag);
        Assert.Equal(["alpha", "beta"], stored.State!.Names);
        Assert.Equal(one.ETag, stored.ETag);
    }

    [Fact]
    public async Task Given_stored_state_When_a_first_write_comes_without_a_version_Then_it_is_a_conflict()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var storage = Storage(silo);
        var id = GrainId.Create("registry", "twice");
        await storage.WriteStateAsync("state", id, new GrainState<Registry>(new Registry(["first"])));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("state", id, new GrainState<Registry>(new Registry(["second"]))));

        Assert.Equal(["first"], (await ReadAsync(storage, id)).State!.Names);
    }

    [Fact]
    public async Task Given_stored_state_When_cleared_Then_a_read_finds_no_state_and_the_next_write_continues_from_the_cleared_version()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var storage = Storage(silo);
        var id = GrainId.Create("registry", "cleared");
        var state = new GrainState<Registry>(new Registry(["gone"]));
        await storage.WriteStateAsync("state", id, state);

        await storage.ClearStateAsync("state", id, state);
        var read = await ReadAsync(storage, id);
        read.State = new Registry(["back"]);
        await storage.WriteStateAsync("state", id, read);

        Assert.Equal(["back"], (await ReadAsync(storage, id)).State!.Names);
    }

    private static async Task<GrainState<Registry>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<Registry>(new Registry([]));
        await storage.ReadStateAsync("state", id, state);
        return state;
    }

    private static IGrainStorage Storage(ClusterSilo silo) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
}
