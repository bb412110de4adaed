using System.Reflection;

namespace MissionControl.Silo.Runtime;

/// <summary>One registered grain: its stable type name, interface and implementation.</summary>
public sealed record GrainRegistration(string TypeName, Type Interface, Type Implementation);

/// <summary>Which class implements which grain interface, under which stable type name.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface = new();
    private readonly Dictionary<string, GrainRegistration> _byName = new(StringComparer.Ordinal);

    public void Add(GrainRegistration registration)
    {
        EnsureTaskReturning(registration.Interface);
        if (!registration.Interface.IsAssignableFrom(registration.Implementation))
            throw new ArgumentException($"{registration.Implementation} does not implement {registration.Interface}.");
        if (_byName.TryGetValue(registration.TypeName, out var existing) && existing.Interface != registration.Interface)
            throw new ArgumentException($"Grain type name '{registration.TypeName}' is taken by {existing.Interface}.");
        _byInterface[registration.Interface] = registration;
        _byName[registration.TypeName] = registration;
    }

    public GrainRegistration ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain is registered for {grainInterface}.");

    public GrainRegistration ForTypeName(string typeName) =>
        _byName.TryGetValue(typeName, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain is registered under the type name '{typeName}'.");

    /// <summary>The default stable name: the interface name without the leading I and trailing "Grain".</summary>
    public static string DefaultTypeName(Type grainInterface)
    {
        var name = grainInterface.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
            name = name[1..];
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
            name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }

    // Calls are asynchronous by nature (they may wait for a turn), so every method must return a task.
    private static void EnsureTaskReturning(Type grainInterface)
    {
        var methods = grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods()));
        foreach (var method in methods)
        {
            var returns = method.ReturnType;
            var isTask = returns == typeof(Task) || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
            if (!isTask)
                throw new ArgumentException($"{grainInterface.Name}.{method.Name} must return Task or Task<T>.");
        }
    }
}
