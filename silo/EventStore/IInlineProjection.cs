using MissionControl.Runtime;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Updates read-model tables from events inside the append's transaction, so a read after a
/// successful write sees it, and a projection failure rolls the append back.
/// </summary>
public interface IInlineProjection
{
    /// <summary>Whether this projection wants events of this CLR type.</summary>
    bool Handles(Type eventType);

    Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct);

    /// <summary>
    /// Optionally, this projection's whole work for the event as writes the event store sends
    /// together with others' in one round trip, in place of <see cref="ApplyAsync"/>; only for
    /// work that needs nothing back from the database. False (the default): call ApplyAsync.
    /// </summary>
    bool TryBatch(RecordedEvent recorded, ProjectionBatch batch) => false;
}
