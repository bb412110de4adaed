using Microsoft.Extensions.Logging.Abstractions;
using MissionControl.Silo.Infrastructure;
using MissionControl.Silo.Persistence;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests;

public sealed class DeviceIdentityStoreTests
{
    [Fact]
    public async Task Given_silos_racing_for_a_gateway_device_When_they_ask_together_Then_all_get_the_same_key_pair()
    {
        await using var database = TestDatabase.Create();
        var dataSources = Enumerable.Range(0, 4).Select(_ => database.CreateDataSource()).ToList();
        await new Migrator(dataSources[0], NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None);
        var stores = dataSources.Select(ds => new PostgresDeviceIdentityStore(ds, TimeProvider.System)).ToList();

        var identities = await Task.WhenAll(stores.Select(s => s.GetOrCreateAsync("gw-shared", CancellationToken.None)));
        var later = await stores[3].GetOrCreateAsync("gw-shared", CancellationToken.None);
        var other = await stores[0].GetOrCreateAsync("gw-other", CancellationToken.None);

        Assert.Single(identities.Select(i => i.PublicKey).Distinct());
        Assert.Equal(identities[0], later);
        Assert.NotEqual(identities[0].DeviceId, other.DeviceId);
        foreach (var ds in dataSources)
            await ds.DisposeAsync();
    }
}
