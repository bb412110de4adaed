using System.Runtime.CompilerServices;
using MissionControl.OpenClaw.Connection;

namespace MissionControl.OpenClaw.Operations;

/// <summary>
/// An answer of the gateway's that changes rarely and that every provisioning run needs,
/// remembered per connection for <paramref name="keepFor"/>. Callers that come while the gateway
/// is being asked share that one question, so a burst of runs asks once, not once per run. A
/// question that failed is asked again by the next caller.
/// </summary>
internal sealed class RememberedPerConnection<T>(TimeSpan keepFor)
{
    private readonly ConditionalWeakTable<IGatewayRpc, Remembered> _byConnection = [];

    /// <param name="rpc">The connection the answer belongs to.</param>
    /// <param name="ask">Asks the gateway; shared by every caller meanwhile, so it must not take a caller's cancellation.</param>
    /// <param name="cancellationToken">Stops this caller's wait, not the question.</param>
    public Task<T> GetAsync(IGatewayRpc rpc, Func<Task<T>> ask, CancellationToken cancellationToken)
    {
        Remembered remembered;
        lock (_byConnection)
        {
            if (!_byConnection.TryGetValue(rpc, out remembered!) || !remembered.IsFresh(keepFor))
            {
                // Run apart from the first caller's context (a grain's turn), and so that an
                // exception thrown before the first await is a faulted answer, asked again next time.
                remembered = new Remembered(new Lazy<Task<T>>(() => Task.Run(ask)), DateTimeOffset.UtcNow);
                _byConnection.AddOrUpdate(rpc, remembered);
            }
        }
        return remembered.Answer.Value.WaitAsync(cancellationToken);
    }

    private sealed record Remembered(Lazy<Task<T>> Answer, DateTimeOffset At)
    {
        public bool IsFresh(TimeSpan keepFor) =>
            DateTimeOffset.UtcNow - At < keepFor
            && !(Answer.IsValueCreated && (Answer.Value.IsFaulted || Answer.Value.IsCanceled));
    }
}
