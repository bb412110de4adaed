using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionControl.Runtime;
using MissionControl.OpenClaw.Identity;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Infrastructure;
using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the service's grains stand on, over <paramref name="connectionString"/>: the
    /// event store on Marten with its inline projections, the gateway device
    /// identities, and startup migrations. The grains themselves run on the Orleans silo.
    /// </summary>
    public static IServiceCollection AddMissionControlSilo(
        this IServiceCollection services, string connectionString, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder(services);
        configure(builder);
        var options = new EventStoreOptions();
        builder.OptionActions.ForEach(action => action(options));

        services.AddMissionControlDatabase(connectionString);
        services.AddSingleton(options);
        services.AddSingleton(builder.Events);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentStore>(provider =>
            EventStoreDocuments.Create(provider.GetRequiredService<NpgsqlDataSource>(), builder.Events));
        services.AddSingleton<IEventStore, MartenEventStore>();
        services.AddSingleton<IDeviceIdentityStore, PostgresDeviceIdentityStore>();
        return services;
    }

    /// <summary>
    /// The service's PostgreSQL: one data source, and the migrations applied at startup (retried
    /// while the database is away) before anything else touches a table.
    /// </summary>
    public static IServiceCollection AddMissionControlDatabase(this IServiceCollection services, string connectionString)
    {
        if (services.Any(d => d.ServiceType == typeof(Migrator)))
            return services;
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<Migrator>();
        services.AddHostedService<MigrationService>();
        return services;
    }

    /// <summary>
    /// The statements a silo runs are few and run constantly (appends, projections, stream and
    /// token reads), so they are prepared on each connection after a few uses, which saves the
    /// server parsing and planning them every time. A connection string that sets
    /// <c>Max Auto Prepare</c> itself keeps its own value. Prepared statements, and the plans the
    /// server caches for functions, survive a connection's trips through the pool: with statements
    /// prepared, the pool's reset leaves them alone (without, it sends DISCARD ALL, which also
    /// drops every cached plan).
    /// One hazard comes with it (Npgsql 10.0.3, reported upstream): a statement that fails while
    /// its parameters are bound (a NUL in a text or jsonb parameter), inside a transaction, on
    /// the very execution that prepares it, leaves the connection's prepared statements out of
    /// step with the server once the transaction is rolled back; its next user then fails with
    /// "Received unexpected backend message DataRow". No input can cause that here: requests with
    /// control characters are refused before they reach a grain, and event data is written with
    /// NUL replaced (<c>StorableStringConverter</c>).
    /// </summary>
    private static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Keys lists the settings the string gives, by their canonical names (ContainsKey would
        // answer whether the name is a setting at all).
        if (!builder.ConnectionStringBuilder.Keys.Cast<string>().Contains("Max Auto Prepare", StringComparer.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        return builder.Build();
    }
}
