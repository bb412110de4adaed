using System.Collections.Concurrent;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Counts failed agent authentications per client address in a sliding window. A client with
/// <see cref="ApiLimits.AgentAuthFailureLimit"/> failures inside the window is blocked until the
/// oldest falls out. Only failures count, so a working agent is never slowed by its own traffic.
/// </summary>
public sealed class FailedAuthLimiter(ApiLimits limits, TimeProvider time)
{
    // Bounds memory under a spray from many addresses; quiet clients are dropped first.
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, FailureLog> _clients = new();

    public TimeSpan Window => limits.AgentAuthFailureWindow;

    public bool IsBlocked(string client) =>
        _clients.TryGetValue(client, out var log) && log.CountSince(WindowStart()) >= limits.AgentAuthFailureLimit;

    public void RecordFailure(string client)
    {
        if (_clients.Count >= MaxTrackedClients)
            DropQuietClients();
        _clients.GetOrAdd(client, _ => new FailureLog()).Add(time.GetUtcNow(), WindowStart(), limits.AgentAuthFailureLimit);
    }

    private DateTimeOffset WindowStart() => time.GetUtcNow() - limits.AgentAuthFailureWindow;

    private void DropQuietClients()
    {
        var start = WindowStart();
        foreach (var (client, log) in _clients)
        {
            if (log.CountSince(start) == 0)
                _clients.TryRemove(client, out _);
        }
    }

    /// <summary>The most recent failures of one client, at most as many as the limit.</summary>
    private sealed class FailureLog
    {
        private readonly Queue<DateTimeOffset> _failures = new();

        public void Add(DateTimeOffset at, DateTimeOffset windowStart, int keep)
        {
            lock (_failures)
            {
                Trim(windowStart);
                _failures.Enqueue(at);
                while (_failures.Count > keep)
                    _failures.Dequeue();
            }
        }

        public int CountSince(DateTimeOffset windowStart)
        {
            lock (_failures)
            {
                Trim(windowStart);
                return _failures.Count;
            }
        }

        private void Trim(DateTimeOffset windowStart)
        {
            while (_failures.Count > 0 && _failures.Peek() <= windowStart)
                _failures.Dequeue();
        }
    }
}
