using JasperFx.Events;
using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>Marten's events as the grains and projections see them.</summary>
internal static class StoredEvents
{
    public static RecordedEvent ToRecorded(this IEvent stored) => new(
        stored.Sequence,
        stored.StreamKey!,
        stored.Version,
        stored.EventTypeName,
        stored.Data,
        new EventMetadata(stored.CausationId, stored.CorrelationId),
        stored.Timestamp);

    public static IReadOnlyList<RecordedEvent> ToRecorded(this IEnumerable<IEvent> stored) =>
        stored.Select(ToRecorded).ToList();
}
