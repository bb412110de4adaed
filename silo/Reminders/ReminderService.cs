using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionControl.Runtime;
using MissionControl.Silo.Hosting;
using MissionControl.Silo.Runtime;
using Npgsql;

namespace MissionControl.Silo.Reminders;

/// <summary>
/// Fires due reminders on their grains. Each silo runs one; a firing is claimed by exactly one
/// silo at a time through its lease, renewed while the handler runs. If the silo dies, the
/// lease lapses and another silo delivers the firing again.
/// </summary>
internal sealed class ReminderService(
    NpgsqlDataSource dataSource,
    GrainRuntime runtime,
    SiloOptions options,
    SiloLifetime lifetime,
    DatabaseReadiness readiness,
    ILogger<ReminderService> logger) : BackgroundService
{
    private readonly ReminderLeases _leases = new(dataSource, options.SiloId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.Killed);
        var ct = linked.Token;
        try
        {
            await readiness.WhenMigrated(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var inFlight = new List<Task>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var claimed = await _leases.ClaimDueAsync(options.ReminderLease, options.ReminderBatchSize, ct);
                inFlight.AddRange(claimed.Select(r => FireAsync(r, ct)));
                inFlight.RemoveAll(t => t.IsCompleted);
                if (claimed.Count < options.ReminderBatchSize)
                    await Task.Delay(options.ReminderPollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Claiming due reminders failed; trying again shortly");
                await DelayQuietly(options.ReminderPollInterval, ct);
            }
        }
        if (!lifetime.IsDead)
            await Task.WhenAll(inFlight);
    }

    private async Task FireAsync(ClaimedReminder reminder, CancellationToken ct)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileRunningAsync(reminder, renewal.Token);
        try
        {
            var tick = new ReminderTick(reminder.DueAt, reminder.Attempts);
            await runtime.InvokeAsync(reminder.Grain, grain => ((IRemindable)grain).ReceiveReminder(reminder.Name, tick));
            await SettleAsync(() => _leases.CompleteAsync(reminder, CancellationToken.None));
        }
        catch (Exception ex) when (!lifetime.IsDead)
        {
            logger.LogWarning(ex, "Reminder {Name} on {Grain} failed (attempt {Attempt})", reminder.Name, reminder.Grain, reminder.Attempts);
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(reminder.Attempts, 6))));
            await SettleAsync(() => _leases.RetryLaterAsync(reminder, backoff, CancellationToken.None));
        }
        catch (Exception)
        {
            // The silo was killed: leave the lease to lapse, exactly as a crash would.
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    // A dead silo settles nothing; its leases must lapse for the failover to happen.
    private async Task SettleAsync(Func<Task<bool>> settle)
    {
        if (lifetime.IsDead)
            return;
        try
        {
            await settle();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Settling a reminder failed; its lease will lapse and it will fire again");
        }
    }

    private async Task RenewWhileRunningAsync(ClaimedReminder reminder, CancellationToken ct)
    {
        var every = options.ReminderLease / 3;
        while (await DelayQuietly(every, ct))
        {
            try
            {
                if (!await _leases.RenewAsync(reminder, options.ReminderLease, ct))
                    return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Renewing the lease of reminder {Name} failed", reminder.Name);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<bool> DelayQuietly(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
