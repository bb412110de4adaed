using System.Text.Json;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// A grain's state saved at a version of its stream (a Marten document keyed by the stream id),
/// so an activation reads it and only the events after it. <see cref="SchemaVersion"/> is the
/// grain's state shape: a snapshot of an older shape is ignored and the stream replayed.
/// </summary>
public sealed class GrainSnapshot
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public int SchemaVersion { get; set; }
    public JsonElement State { get; set; }
}
