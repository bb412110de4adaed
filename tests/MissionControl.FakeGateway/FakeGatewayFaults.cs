using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace MissionControl.Fakes;

/// <summary>Faults the fake gateway injects; each counted fault fires the given number of times, then stops.</summary>
public sealed class FakeGatewayFaults
{
    private readonly ConcurrentDictionary<string, int> _drops = new();
    private readonly ConcurrentDictionary<string, (TimeSpan Delay, int Times)> _delays = new();
    private readonly ConcurrentDictionary<string, int> _unavailable = new();
    private readonly ConcurrentDictionary<string, (string Message, int Times)> _failures = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private int _upgradeRejections;
    private int _staleHashes;
    private int _rateLimits;

    /// <summary>Wire protocol the fake speaks.</summary>
    public int Protocol { get; set; } = 4;

    /// <summary>Version reported in <c>hello-ok.server.version</c>.</summary>
    public string ServerVersion { get; set; } = "2026.9.6";

    /// <summary>Scopes granted regardless of what was requested (null = grant what was requested).</summary>
    public IReadOnlyList<string>? GrantedScopes { get; set; }

    /// <summary>How long a created agent stays invisible (the real gateway: ~250 ms).</summary>
    public TimeSpan AgentVisibilityDelay { get; set; } = TimeSpan.Zero;

    /// <summary><c>retryAfterMs</c> sent with injected rate-limit errors.</summary>
    public long RateLimitRetryAfterMs { get; set; } = 200;

    /// <summary>Runs inside config.patch before the hash check: lets a test write concurrently.</summary>
    public Action<FakeGatewayState>? BeforeConfigPatch { get; set; }

    /// <summary>Answer the next <paramref name="times"/> upgrades with HTTP 503.</summary>
    public void RejectUpgrades(int times) => Interlocked.Add(ref _upgradeRejections, times);

    /// <summary>Accept connections again (cancels pending <see cref="RejectUpgrades"/>).</summary>
    public void AcceptUpgrades() => Interlocked.Exchange(ref _upgradeRejections, 0);

    /// <summary>Drop the socket (no reply) when <paramref name="method"/> arrives.</summary>
    public void DropConnectionOn(string method, int times = 1) => _drops.AddOrUpdate(method, times, (_, n) => n + times);

    /// <summary>Delay replies to <paramref name="method"/>.</summary>
    public void DelayReplies(string method, TimeSpan delay, int times = 1) => _delays[method] = (delay, times);

    /// <summary>Answer <paramref name="method"/> with a retryable UNAVAILABLE error.</summary>
    public void Unavailable(string method, int times = 1) => _unavailable.AddOrUpdate(method, times, (_, n) => n + times);

    /// <summary>Answer <paramref name="method"/> with a non-retryable INVALID_REQUEST carrying <paramref name="message"/>.</summary>
    public void Fail(string method, string message, int times = 1) => _failures[method] = (message, times);

    /// <summary>Fail the next config.patch calls with the stale-hash error.</summary>
    public void StaleHashOnNextPatches(int times) => Interlocked.Add(ref _staleHashes, times);

    /// <summary>Holds every call of <paramref name="method"/> unanswered until <see cref="Release"/>.</summary>
    public void Hold(string method) => _holds[method] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the held calls of <paramref name="method"/>, and later ones at once.</summary>
    public void Release(string method)
    {
        if (_holds.TryRemove(method, out var gate))
            gate.TrySetResult();
    }

    /// <summary>Fail the next config.patch calls with the rate-limit error.</summary>
    public void RateLimitNextPatches(int times) => Interlocked.Add(ref _rateLimits, times);

    internal Task HeldUntilReleased(string method) => _holds.TryGetValue(method, out var gate) ? gate.Task : Task.CompletedTask;

    internal bool TakeUpgradeRejection() => TakeCounter(ref _upgradeRejections);

    internal bool TakeStaleHash() => TakeCounter(ref _staleHashes);

    internal bool TakeRateLimit() => TakeCounter(ref _rateLimits);

    internal bool TakeDrop(string method) => TakeFrom(_drops, method);

    internal bool TakeUnavailable(string method) => TakeFrom(_unavailable, method);

    internal string? TakeFailure(string method)
    {
        while (_failures.TryGetValue(method, out var entry) && entry.Times > 0)
        {
            if (_failures.TryUpdate(method, (entry.Message, entry.Times - 1), entry))
                return entry.Message;
        }

        return null;
    }

    internal TimeSpan TakeDelay(string method)
    {
        while (_delays.TryGetValue(method, out var entry) && entry.Times > 0)
        {
            if (_delays.TryUpdate(method, (entry.Delay, entry.Times - 1), entry))
                return entry.Delay;
        }

        return TimeSpan.Zero;
    }

    private static bool TakeCounter(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
                return false;
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
                return true;
        }
    }

    private static bool TakeFrom(ConcurrentDictionary<string, int> counters, string method)
    {
        while (counters.TryGetValue(method, out var remaining) && remaining > 0)
        {
            if (counters.TryUpdate(method, remaining - 1, remaining))
                return true;
        }

        return false;
    }
}

/// <summary>A reply from the fake: a payload or an error object.</summary>
public sealed record FakeReply(JsonNode? Payload, JsonObject? Error)
{
    public static FakeReply Ok(JsonNode? payload) => new(payload, null);

    public static FakeReply Fail(string code, string message, JsonObject? details = null, bool? retryable = null, long? retryAfterMs = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (details is not null)
            error["details"] = details;
        if (retryable is not null)
            error["retryable"] = retryable;
        if (retryAfterMs is not null)
            error["retryAfterMs"] = retryAfterMs;
        return new FakeReply(null, error);
    }

    public static FakeReply Invalid(string message) => Fail("INVALID_REQUEST", message);
}
