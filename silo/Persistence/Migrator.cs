using System.Reflection;
using Microsoft.Extensions.Logging;
using MissionControl.Silo.EventStore;
using Npgsql;

namespace MissionControl.Silo.Persistence;

/// <summary>
/// Brings the database up to date, holding an advisory lock so silos starting together do it
/// exactly once: first the event store's tables (Marten creates or updates its own), then the
/// numbered SQL files embedded under <c>Migrations/</c>, each in its own transaction. Marten's
/// tables come first so a migration can move data into them.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public static int LatestVersion => All[^1].Version;

    public async Task ApplyAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The lock is named after the configured schema, not current_schema(): that is null (no
        // lock at all) while the schema does not exist yet, and creating it is part of the work
        // the lock serializes ("create schema if not exists" is not safe against a concurrent twin).
        var lockKey = $"{DatabaseSchema.Of(connection.ConnectionString) ?? "public"}.migrations";
        await Execute(connection, "select pg_advisory_lock(hashtextextended($1, 0))", ct, lockKey);
        try
        {
            await EnsureSchemaAsync(connection, ct);
            await Execute(connection, """
                create table if not exists schema_migrations (
                    version int primary key, name text not null, applied_at timestamptz not null default now())
                """, ct);
            await EventStoreDocuments.ApplySchemaAsync(dataSource, ct);
            var applied = await AppliedVersionsAsync(connection, ct);
            foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
                await ApplyOneAsync(connection, migration, ct);
        }
        finally
        {
            await Execute(connection, "select pg_advisory_unlock(hashtextextended($1, 0))", CancellationToken.None, lockKey);
        }
    }

    /// <summary>The highest migration applied, or null when the table does not exist yet.</summary>
    public async Task<int?> CurrentVersionAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var exists = new NpgsqlCommand("select to_regclass('schema_migrations') is not null", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
                return null;
        }
        await using var command = new NpgsqlCommand("select max(version) from schema_migrations", connection);
        return await command.ExecuteScalarAsync(ct) is int version ? version : null;
    }

    // A search path naming a schema that does not exist yet (a fresh test schema, say) is created.
    private static async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var schema = DatabaseSchema.Of(connection.ConnectionString);
        if (schema is null or "public")
            return;
        await Execute(connection, $"create schema if not exists \"{schema.Replace("\"", "\"\"")}\"", ct);
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(migration.Sql, connection, tx))
            await command.ExecuteNonQueryAsync(ct);
        await using (var record = new NpgsqlCommand("insert into schema_migrations (version, name) values ($1, $2)", connection, tx))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(ct))
            versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Migration.FromResource(name, ReadResource(assembly, name)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One numbered SQL file, e.g. <c>0001_event_store.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public static Migration FromResource(string resourceName, string sql)
    {
        // Resource names look like "MissionControl.Silo.Migrations.0001_event_store.sql".
        var fileName = resourceName.Split('.')[^2];
        var underscore = fileName.IndexOf('_');
        return new Migration(int.Parse(fileName[..underscore]), fileName[(underscore + 1)..], sql);
    }
}
