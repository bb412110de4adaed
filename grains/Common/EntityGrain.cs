namespace MissionControl.Grains.Common;

/// <summary>
/// An event-sourced grain for one entity keyed by its Guid. Adds to <see cref="EventSourcedGrain{TState, TEvent}"/>
/// what every entity grain needs: its id from the key, NotFound for a missing or deleted entity,
/// and NotFound for a key that is not an entity id.
/// </summary>
public abstract class EntityGrain<TState, TEvent> : EventSourcedGrain<TState?, TEvent>
    where TState : class
    where TEvent : class
{
    protected override TState? InitialState => null;

    /// <summary>The detail of the NotFound error for this kind of entity, as its decider words it.</summary>
    protected virtual string NotFoundDetail => DomainError.NotFoundPhrase;

    /// <summary>The entity's id: the grain key, which must be a Guid in its canonical "D" form.</summary>
    protected Guid EntityId => EntityKey.Parse(Key, NotFoundDetail);

    /// <summary>False once the entity is deleted; such an entity is shown as not found.</summary>
    protected virtual bool IsLive(TState state) => true;

    /// <summary>The live entity in this activation's state, else NotFound.</summary>
    protected TState Live() =>
        State is { } state && IsLive(state) ? state : throw DomainError.NotFound(NotFoundDetail);
}

/// <summary>Entity grain keys: a Guid in its "D" form, so one entity never has two streams.</summary>
public static class EntityKey
{
    /// <summary>The Guid of <paramref name="key"/>; NotFound when it is not a canonical Guid (no such entity can exist).</summary>
    public static Guid Parse(string key, string notFoundDetail = DomainError.NotFoundPhrase) =>
        Guid.TryParseExact(key, "D", out var id) && id.ToString("D") == key ? id : throw DomainError.NotFound(notFoundDetail);
}
