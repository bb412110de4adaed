using System.Text.Json.Nodes;
using MissionControl.ReadModels.History;

namespace MissionControl.ApiGateway.Apis.History;

/// <summary>One event of an agent's, board's or gateway's history.</summary>
/// <param name="Version">The event's place in its stream, from 1.</param>
/// <param name="Type">The event's stable name (<c>agent.heartbeat_recorded</c>, …).</param>
/// <param name="OccurredAt">When it was committed.</param>
/// <param name="Actor"><c>user:&lt;id&gt;</c> or <c>agent:&lt;id&gt;</c>; null when Mission Control acted on its own (a watch, a sweep).</param>
/// <param name="Data">The event's fields, with every secret, token and hash left out.</param>
public sealed record HistoryEventRead(long Version, string Type, DateTimeOffset OccurredAt, string? Actor, JsonObject Data)
{
    public static HistoryEventRead From(HistoryEntry entry) => new(entry.Version, entry.Type, entry.OccurredAt, entry.Actor, entry.Data);
}
