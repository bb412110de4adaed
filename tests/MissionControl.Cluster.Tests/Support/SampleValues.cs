using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace MissionControl.Cluster.Tests.Support;

/// <summary>
/// A value of a contract type with every constructor argument and settable property filled in
/// with something other than its default, so a field a serializer drops shows up as a difference.
/// </summary>
public static class SampleValues
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static object Of(Type type) => Make(type, depth: 0)!;

    private static object? Make(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Make(inner, depth);
        if (Simple(type) is { } simple)
            return simple;
        if (type.IsEnum)
            return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsGenericType && Collection(type, depth) is { } collection)
            return collection;
        if (depth > 6)
            return null;
        if (type.IsAbstract)
            return Make(type.GetNestedTypes().First(n => n.IsSubclassOf(type)), depth);
        return Record(type, depth);
    }

    private static object? Simple(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(Guid) => new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 7L,
        _ when type == typeof(double) => 1.5,
        _ when type == typeof(bool) => true,
        _ when type == typeof(DateTimeOffset) => At,
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(5),
        _ when type == typeof(JsonElement) => JsonDocument.Parse("""{"every":"5m","n":1}""").RootElement.Clone(),
        _ when type == typeof(object) => "object",
        _ => null,
    };

    private static object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (arguments.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
            list.Add(Make(arguments[0], depth + 1));
            return list;
        }
        if (arguments.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            map.Add(Make(arguments[0], depth + 1)!, Make(arguments[1], depth + 1));
            return map;
        }
        return null;
    }

    private static object Record(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var value = constructor.Invoke(parameters.Select(p => Make(p.ParameterType, depth + 1)).ToArray());
        var set = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && !set.Contains(p.Name)))
            property.SetValue(value, Make(property.PropertyType, depth + 1));
        return value;
    }
}
