namespace MissionControl.Silo.Hosting;

/// <summary>Completes once migrations are applied; background work waits for it before touching tables.</summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;

    public Task WhenMigrated(CancellationToken ct) => _migrated.Task.WaitAsync(ct);

    internal void MarkMigrated() => _migrated.TrySetResult();
}
