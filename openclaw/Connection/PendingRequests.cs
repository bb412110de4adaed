using System.Collections.Concurrent;
using System.Text.Json;

namespace MissionControl.OpenClaw.Connection;

/// <summary>Requests awaiting their response, matched by string id (responses arrive out of order).</summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    public int Count => _pending.Count;

    public Task<JsonElement> Add(string id, string method)
    {
        var pending = new Pending(method, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.TryAdd(id, pending))
            throw new InvalidOperationException($"duplicate request id {id}");
        return pending.Completion.Task;
    }

    public void Forget(string id) => _pending.TryRemove(id, out _);

    public string? MethodOf(string id) => _pending.TryGetValue(id, out var pending) ? pending.Method : null;

    public void Complete(string id, JsonElement payload)
    {
        if (_pending.TryRemove(id, out var pending))
            pending.Completion.TrySetResult(payload);
    }

    public void Fail(string id, Func<string, Exception> error)
    {
        if (_pending.TryRemove(id, out var pending))
            pending.Completion.TrySetException(error(pending.Method));
    }

    public void FailAll(Func<string, Exception> error)
    {
        foreach (var id in _pending.Keys)
            Fail(id, error);
    }

    private sealed record Pending(string Method, TaskCompletionSource<JsonElement> Completion);
}
