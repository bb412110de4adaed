using Microsoft.Extensions.DependencyInjection;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.Grains;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways;
using MissionControl.ReadModels;
using MissionControl.Silo.Hosting;
using MissionControl.Testing;
using Orleans;

namespace MissionControl.Integration.Tests;

/// <summary>
/// Two silos hosting the entity grains over one fresh schema, shared by the tests of one class;
/// each test works on fresh ids, so they never see each other's entities.
/// </summary>
public sealed class EntityGrainCluster : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IGrainFactory Silo(int index) => Cluster.Silos[index].Grains;

    /// <summary>A cluster of its own, for tests that stop silos or need more services and events.</summary>
    public static Task<TestCluster> StartAsync(int silos, Action<IServiceCollection>? services = null, Action<SiloBuilder>? grains = null) =>
        TestCluster.StartAsync(silos, silo =>
            {
                // The board grain reads its dependency graph from the read models.
                silo.AddEventsFrom(typeof(GatewayGrain).Assembly).AddReadModels();
                grains?.Invoke(silo);
            },
            s =>
            {
                services?.Invoke(s);
                s.AddEntityGrainServices();
            });

    public async Task InitializeAsync() => _cluster = await StartAsync(2);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

/// <summary>Short ways to set up entities and to expect domain errors.</summary>
public static class Entities
{
    public static TGrain Grain<TGrain>(this IGrainFactory grains, Guid id) where TGrain : IGrainWithStringKey =>
        grains.GetGrain<TGrain>(id.ToString());

    public const string GatewayToken = "gw-secret-7f3c1a9e5b";

    public static NewGateway NewGateway(Guid organizationId, string? token = GatewayToken) =>
        new(organizationId, "Home gateway", "ws://127.0.0.1:18789", "/srv/workspaces") { Token = token };

    /// <summary>A gateway of <paramref name="organizationId"/> that boards may use (its main agent exists).</summary>
    public static async Task<Guid> ReadyGatewayAsync(IGrainFactory grains, Guid organizationId)
    {
        var gatewayId = Guid.NewGuid();
        await grains.Grain<IGatewayGrain>(gatewayId).Register(NewGateway(organizationId));
        await grains.Grain<IGatewayGrain>(gatewayId).AssignMainAgent(Guid.NewGuid());
        return gatewayId;
    }

    public static async Task<BoardView> ReadyBoardAsync(IGrainFactory grains, Guid organizationId)
    {
        var gatewayId = await ReadyGatewayAsync(grains, organizationId);
        return await grains.Grain<IBoardGrain>(Guid.NewGuid()).Create(new NewBoard(organizationId, "Launch", "Ship v1", gatewayId));
    }

    /// <summary>Awaits <paramref name="call"/>, which must fail with a domain error of <paramref name="kind"/>.</summary>
    public static async Task<DomainException> Refused(DomainErrorKind kind, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(kind, error.Kind);
        return error;
    }
}
