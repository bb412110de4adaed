namespace MissionControl.Silo.Runtime;

/// <summary>
/// Whether this silo is still alive. <see cref="Kill"/> stops it the way a crash would: no
/// lease is released and no grain gets to deactivate, which is what failover tests need.
/// </summary>
public sealed class SiloLifetime : IDisposable
{
    private readonly CancellationTokenSource _killed = new();

    public CancellationToken Killed => _killed.Token;

    public bool IsDead => _killed.IsCancellationRequested;

    public void Kill() => _killed.Cancel();

    public void ThrowIfDead()
    {
        if (IsDead)
            throw new SiloUnavailableException();
    }

    public void Dispose() => _killed.Dispose();
}

/// <summary>A call reached a silo that has been stopped.</summary>
public sealed class SiloUnavailableException() : Exception("This silo has stopped and takes no more calls.");
