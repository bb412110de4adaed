using System.Text.Json;
using MissionControl.Silo.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace MissionControl.ReadModels.Sql;

/// <summary>Binds positional (<c>$1</c>, <c>$2</c>, …) parameters the way every read-model command needs them.</summary>
internal static class SqlParameters
{
    /// <summary>Adds <paramref name="values"/> in order; nulls become SQL nulls.</summary>
    public static void Bind(NpgsqlParameterCollection parameters, IEnumerable<object?> values)
    {
        foreach (var value in values)
            parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = Normalize(value) });
    }

    /// <summary>A jsonb parameter holding <paramref name="value"/> serialised as events are.</summary>
    public static NpgsqlParameter Jsonb(object? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Jsonb,
        Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, EventTypeRegistry.JsonOptions),
    };

    // Npgsql writes timestamptz only from UTC offsets; events may carry any offset.
    private static object Normalize(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUniversalTime(),
        _ => value,
    };
}
