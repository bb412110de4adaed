namespace MissionControl.Runtime;

/// <summary>
/// The stable name an event is stored under. Stored streams refer to this name, never to the
/// CLR type, so a class can be renamed or moved without breaking history. Once an event has
/// been persisted its name and shape are a contract: add a new event instead of reshaping one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
