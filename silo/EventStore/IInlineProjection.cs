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
}
