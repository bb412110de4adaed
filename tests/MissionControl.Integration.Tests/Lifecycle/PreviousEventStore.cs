using System.Text.Json;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Integration.Tests.Lifecycle;

/// <summary>
/// A database as the release before the Marten event store left it: the migrations up to 0011,
/// and streams appended through that release's group-commit statement (<c>append_to_streams</c>),
/// with events stored as it stored them.
/// </summary>
internal sealed class PreviousEventStore(NpgsqlDataSource database)
{
    public const int LastMigration = 11;

    private readonly EventTypeRegistry _events = new EventTypeRegistry().AddFromAssembly(typeof(MissionControl.Grains.EntityGrains).Assembly);

    public async Task MigrateAsync()
    {
        await ExecuteAsync("""
            create schema if not exists "{0}";
            create table schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())
            """.Replace("{0}", DatabaseSchema.Of(database.ConnectionString)));
        foreach (var migration in Migrator.All.Where(m => m.Version <= LastMigration))
        {
            await ExecuteAsync(migration.Sql);
            await ExecuteAsync($"insert into schema_migrations (version, name) values ({migration.Version}, '{migration.Name}')");
        }
    }

    /// <summary>One group commit: each stream's events appended at the version it expects.</summary>
    public async Task AppendAsync(params (string Stream, long Expected, object[] Events, EventMetadata Metadata)[] appends)
    {
        await using var command = database.CreateCommand("select written from append_to_streams($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Sum(a => a.Events.Length) });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Stream).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Stream[..a.Stream.IndexOf('-')]).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Expected).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.Select(a => a.Events.Length).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.Events).Select(e => _events.NameOf(e.GetType())).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = appends.SelectMany(a => a.Events).Select(_events.Serialize).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = appends.Select(a => JsonSerializer.Serialize(a.Metadata, EventTypeRegistry.JsonOptions)).ToArray(),
        });
        var written = (bool[])(await command.ExecuteScalarAsync())!;
        if (written.Contains(false))
            throw new InvalidOperationException("The previous store refused an append.");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
