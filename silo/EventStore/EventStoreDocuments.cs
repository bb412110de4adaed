using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// The Marten store the grains' event streams live in, in the service's own schema (the first of
/// the connection's search path). Streams are keyed by their readable ids (<c>agent-&lt;id&gt;</c>);
/// stored event type names are our <see cref="MissionControl.Runtime.EventNameAttribute"/> names;
/// who acted and the request id ride on each event as its causation and correlation ids.
/// </summary>
public static class EventStoreDocuments
{
    public static DocumentStore Create(NpgsqlDataSource dataSource, EventTypeRegistry events) =>
        new(Configure(dataSource, events));

    /// <summary>
    /// Creates or updates Marten's tables and functions in the service's schema: the event store's
    /// and the snapshot documents'. Neither depends on which event types exist, so no registry is
    /// needed (and Marten, seeing none, must be asked for the event tables by name).
    /// </summary>
    public static async Task ApplySchemaAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var options = Configure(dataSource, new EventTypeRegistry());
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        using var store = new DocumentStore(options);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(GrainSnapshot), ct);
    }

    private static StoreOptions Configure(NpgsqlDataSource dataSource, EventTypeRegistry events)
    {
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = DatabaseSchema.Of(dataSource.ConnectionString) ?? "public";
        // The schema is brought up to date by the migrator, under its lock, before the silo
        // starts; sessions never try to create or change tables behind its back.
        options.AutoCreateSchemaObjects = AutoCreate.None;
        // Marten starts from our options but resets the naming policy to its casing setting: camel
        // case is what our options (and events stored before Marten) use.
        options.UseSystemTextJsonForSerialization(EventTypeRegistry.JsonOptions, casing: Casing.CamelCase);
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.EnableBigIntEvents = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        foreach (var (type, name) in events.All)
            options.Events.MapEventType(type, name);
        options.Schema.For<GrainSnapshot>();
        return options;
    }
}
