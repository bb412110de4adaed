using System.Text.Json;
using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>Reads event rows selected as (seq, stream_id, version, event_type, data, metadata, created_at).</summary>
internal static class EventRows
{
    public static async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(
        NpgsqlCommand command, EventTypeRegistry registry, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(Read(reader, registry));
        return events;
    }

    private static RecordedEvent Read(NpgsqlDataReader reader, EventTypeRegistry registry)
    {
        var name = reader.GetString(3);
        return new RecordedEvent(
            Sequence: reader.GetInt64(0),
            StreamId: reader.GetString(1),
            StreamVersion: reader.GetInt64(2),
            EventName: name,
            Data: registry.Deserialize(name, reader.GetString(4)),
            Metadata: JsonSerializer.Deserialize<EventMetadata>(reader.GetString(5), EventTypeRegistry.JsonOptions)!,
            RecordedAt: reader.GetFieldValue<DateTimeOffset>(6));
    }
}
