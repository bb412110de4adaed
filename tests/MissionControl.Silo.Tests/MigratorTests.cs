using Microsoft.Extensions.Logging.Abstractions;
using MissionControl.Silo.Persistence;
using MissionControl.Testing;

namespace MissionControl.Silo.Tests;

public sealed class MigratorTests
{
    [Fact]
    public async Task Given_three_silos_starting_together_When_they_migrate_Then_each_migration_is_applied_once()
    {
        await using var database = TestDatabase.Create();
        var dataSources = Enumerable.Range(0, 3).Select(_ => database.CreateDataSource()).ToList();

        await Task.WhenAll(dataSources.Select(ds => new Migrator(ds, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None)));

        await using var command = dataSources[0].CreateCommand("select version from schema_migrations order by version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt32(0));
        Assert.Equal(Migrator.All.Select(m => m.Version), versions);
        Assert.Equal(Migrator.LatestVersion, await new Migrator(dataSources[0], NullLogger<Migrator>.Instance).CurrentVersionAsync(CancellationToken.None));
        foreach (var ds in dataSources)
            await ds.DisposeAsync();
    }

    [Fact]
    public async Task Given_an_empty_schema_When_asked_for_the_version_Then_there_is_none()
    {
        await using var database = TestDatabase.Create();
        await using var dataSource = database.CreateDataSource();

        Assert.Null(await new Migrator(dataSource, NullLogger<Migrator>.Instance).CurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public void Given_the_embedded_migrations_When_listed_Then_they_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrator.All.Count), Migrator.All.Select(m => m.Version));
    }
}
