using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Silo.Persistence;

namespace MissionControl.Silo.Hosting;

/// <summary>
/// Applies migrations at startup, retrying while the database is unreachable, so the process
/// comes up (and reports not-ready) rather than dying while PostgreSQL is still starting.
/// </summary>
internal sealed class MigrationService(Migrator migrator, DatabaseReadiness readiness, ILogger<MigrationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.ApplyAsync(stoppingToken);
                readiness.MarkMigrated();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not ready for migrations ({Reason}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
