using System.Reflection;
using System.Text.Json;
using MissionControl.Runtime;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Maps stable event names (from <see cref="EventNameAttribute"/>) to CLR types and back, and
/// owns the JSON shape events are stored in.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = new();

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new StorableStringConverter() },
    };

    /// <summary>Registers every type in the assembly that carries <see cref="EventNameAttribute"/>.</summary>
    public EventTypeRegistry AddFromAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var attribute = type.GetCustomAttribute<EventNameAttribute>();
            if (attribute is not null)
                Add(type, attribute.Name);
        }
        return this;
    }

    public EventTypeRegistry Add(Type type, string name)
    {
        if (_byName.TryGetValue(name, out var existing) && existing != type)
            throw new InvalidOperationException($"Event name '{name}' is used by both {existing} and {type}.");
        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    /// <summary>Every registered event type with its stored name.</summary>
    public IEnumerable<(Type Type, string Name)> All => _byType.Select(pair => (pair.Key, pair.Value));

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type} is not a registered event; give it an [EventName].");

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), JsonOptions);

    public object Deserialize(string name, string json) =>
        _byName.TryGetValue(name, out var type)
            ? JsonSerializer.Deserialize(json, type, JsonOptions)!
            : throw new InvalidOperationException($"No event type is registered under the stored name '{name}'.");
}
