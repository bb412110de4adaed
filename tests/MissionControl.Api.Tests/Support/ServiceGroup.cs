using System.Net;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>Several service processes on one fresh schema, each ready (its silo active in the cluster).</summary>
public sealed class ServiceGroup : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TestDatabase _database;
    private readonly List<ServiceProcess> _services = [];

    private ServiceGroup(TestDatabase database) => _database = database;

    public IReadOnlyList<ServiceProcess> Services => _services;

    public ServiceProcess this[int index] => _services[index];

    public TestDatabase Database => _database;

    public static async Task<ServiceGroup> StartAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        var group = new ServiceGroup(TestDatabase.Create());
        var url = MissionControlFactory.DatabaseUrlFor(group._database);
        for (var i = 0; i < count; i++)
            group._services.Add(ServiceProcess.Start(url, settings));
        foreach (var service in group._services)
            await WaitUntilReadyAsync(service);
        return group;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
            await service.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static async Task WaitUntilReadyAsync(ServiceProcess service)
    {
        await service.WaitUntilListeningAsync(Patience);
        using var client = service.Client();
        await Eventually.WaitUntil(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK,
            Patience, "the service is ready");
    }
}
