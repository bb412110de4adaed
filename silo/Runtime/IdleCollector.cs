using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MissionControl.Silo.Runtime;

/// <summary>Periodically retires idle activations so a silo's memory tracks its working set.</summary>
internal sealed class IdleCollector(GrainRuntime runtime, SiloOptions options, SiloLifetime lifetime, ILogger<IdleCollector> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.Killed);
        using var timer = new PeriodicTimer(options.IdleScanInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(linked.Token))
            {
                var retired = await runtime.CollectIdleAsync(linked.Token);
                if (retired > 0)
                    logger.LogDebug("Retired {Count} idle activations", retired);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
