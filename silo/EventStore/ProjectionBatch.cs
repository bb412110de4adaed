using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Rows that consecutive events add to, sent as one set-based command (a batch's heartbeats as
/// one UPDATE), so the server runs a statement per batch rather than per event.
/// </summary>
public interface IBatchedRows
{
    NpgsqlBatchCommand ToCommand();
}

/// <summary>
/// The read-model writes projections hand over to go to the server together, in one round trip,
/// in the order they were added: plain commands, and groups of <see cref="IBatchedRows"/>.
/// </summary>
public sealed class ProjectionBatch
{
    private readonly List<object> _writes = [];

    public bool IsEmpty => _writes.Count == 0;

    public void Add(NpgsqlBatchCommand command) => _writes.Add(command);

    /// <summary>
    /// The group of rows the last write started, if it is of this kind, or a new one. Rows merge
    /// only with the writes right before them, so writes to any one row stay in event order.
    /// </summary>
    public TRows Rows<TRows>() where TRows : class, IBatchedRows, new()
    {
        if (_writes.Count > 0 && _writes[^1] is TRows open)
            return open;
        var rows = new TRows();
        _writes.Add(rows);
        return rows;
    }

    /// <summary>Moves every write into <paramref name="batch"/>, leaving this one empty.</summary>
    public void MoveTo(NpgsqlBatch batch)
    {
        foreach (var write in _writes)
            batch.BatchCommands.Add(write as NpgsqlBatchCommand ?? ((IBatchedRows)write).ToCommand());
        _writes.Clear();
    }
}
