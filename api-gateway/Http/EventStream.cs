using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MissionControl.ApiGateway.Http;

/// <summary>One frame of a server-sent event stream: its event name, JSON data, and the id and time it is ordered by.</summary>
public sealed record StreamEvent(string Name, object Data, Guid Id, DateTimeOffset At);

/// <summary>
/// Server-sent event streams of the contract: <c>text/event-stream</c> with <c>event:</c> and
/// one-line <c>data:</c> frames, a <c>: ping</c> comment every <see cref="PingEvery"/>, and new
/// rows found by polling a read model from a cursor (<c>since</c>, else now). Read models are
/// written inside each append's transaction, so polling them sees what every silo committed.
/// Ids already sent are remembered (a bounded window), because rows written in the same instant
/// as the cursor are read again on the next poll.
/// </summary>
public sealed class EventStream(TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);
    private const int RememberedIds = 2000;

    // Transactions commit in a different order than they stamp their rows, so each poll looks a
    // little behind the newest row seen; the remembered ids drop what was already sent.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The cursor a client asked for with <c>since</c> (ISO 8601; without an offset it is UTC);
    /// missing or unreadable means now, as upstream does.
    /// </summary>
    public DateTimeOffset Since(HttpContext context) =>
        DateTimeOffset.TryParse(
            context.Request.Query["since"].ToString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : clock.GetUtcNow();

    /// <summary>
    /// Streams until the client goes away. <paramref name="poll"/> returns what happened at or
    /// after the cursor, oldest first.
    /// </summary>
    public async Task RunAsync(
        HttpContext context, Func<DateTimeOffset, CancellationToken, Task<IReadOnlyList<StreamEvent>>> poll)
    {
        var ct = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(ct);

        var since = Since(context);
        var cursor = since;
        var sent = new SentIds(RememberedIds);
        var lastWrite = clock.GetUtcNow();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var item in await poll(Later(since, cursor - Overlap), ct))
                {
                    if (item.At > cursor)
                        cursor = item.At;
                    if (!sent.Add(item.Id))
                        continue;
                    await WriteAsync(response, $"event: {item.Name}\r\ndata: {Serialize(item.Data)}\r\n\r\n", ct);
                    lastWrite = clock.GetUtcNow();
                }

                if (clock.GetUtcNow() - lastWrite >= PingEvery)
                {
                    await WriteAsync(response, ": ping\r\n\r\n", ct);
                    lastWrite = clock.GetUtcNow();
                }

                await Task.Delay(PollEvery, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), json.Value.SerializerOptions);

    private static async Task WriteAsync(HttpResponse response, string frame, CancellationToken ct)
    {
        await response.WriteAsync(frame, ct);
        await response.Body.FlushAsync(ct);
    }

    /// <summary>The most recent ids sent, oldest forgotten first.</summary>
    private sealed class SentIds(int capacity)
    {
        private readonly HashSet<Guid> _ids = [];
        private readonly Queue<Guid> _order = new();

        public bool Add(Guid id)
        {
            if (!_ids.Add(id))
                return false;
            _order.Enqueue(id);
            if (_order.Count > capacity)
                _ids.Remove(_order.Dequeue());
            return true;
        }
    }
}
