using System.Text.Json;
using System.Text.Json.Nodes;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;

namespace MissionControl.ReadModels.History;

/// <summary>One event of an entity's history, as operators see it.</summary>
/// <param name="Actor">Who caused it (<c>user:&lt;id&gt;</c>, <c>agent:&lt;id&gt;</c>), or null for Mission Control itself.</param>
/// <param name="Data">The event's fields in snake_case, with every secret, token and hash left out.</param>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset OccurredAt, string? Actor, JsonObject Data);

/// <summary>
/// Reads an agent's, board's or gateway's event stream in order, a page at a time, for the
/// history routes. Events keep token hashes, lookup keys and gateway tokens; none of that ever
/// leaves here (see <see cref="Redact"/>).
/// </summary>
public sealed class StreamHistory(IEventStore store, EventTypeRegistry events)
{
    // Any field whose name says it holds one of these is left out, whatever event it is in.
    private static readonly string[] SecretWords = ["token", "hash", "secret", "password"];

    public Task<(IReadOnlyList<HistoryEntry> Items, long Total)> OfAgentAsync(Guid agentId, int limit, int offset, CancellationToken ct) =>
        PageAsync($"agent-{agentId}", limit, offset, ct);

    public Task<(IReadOnlyList<HistoryEntry> Items, long Total)> OfBoardAsync(Guid boardId, int limit, int offset, CancellationToken ct) =>
        PageAsync($"board-{boardId}", limit, offset, ct);

    public Task<(IReadOnlyList<HistoryEntry> Items, long Total)> OfGatewayAsync(Guid gatewayId, int limit, int offset, CancellationToken ct) =>
        PageAsync($"gateway-{gatewayId}", limit, offset, ct);

    private async Task<(IReadOnlyList<HistoryEntry> Items, long Total)> PageAsync(string streamId, int limit, int offset, CancellationToken ct)
    {
        var page = await store.ReadStreamPageAsync(streamId, offset, limit, ct);
        var items = page.Events
            .Select(e => new HistoryEntry(e.StreamVersion, e.EventName, e.RecordedAt, e.Metadata.CausedBy, Redact(events.Serialize(e.Data))))
            .ToList();
        return (items, page.Total);
    }

    /// <summary>The event's JSON with field names in snake_case and secret-bearing fields removed, at any depth.</summary>
    public static JsonObject Redact(string json) =>
        Redacted(JsonNode.Parse(json)) as JsonObject ?? [];

    private static JsonNode? Redacted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Select(field => (Name: JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Key), field.Value))
            .Where(field => !IsSecret(field.Name))
            .Select(field => KeyValuePair.Create(field.Name, Redacted(field.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Redacted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private static bool IsSecret(string snakeName) => SecretWords.Any(word => snakeName.Contains(word, StringComparison.Ordinal));
}
