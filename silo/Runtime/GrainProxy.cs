using System.Collections.Concurrent;
using System.Reflection;
using MissionControl.Runtime;

namespace MissionControl.Silo.Runtime;

/// <summary>
/// The object <see cref="IGrainFactory.GetGrain{TGrain}"/> returns: each interface call becomes
/// a turn on the grain's activation in this silo.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainRuntime, GrainId, MethodInfo, object?[], object>> Dispatchers = new();
    private static readonly MethodInfo InvokeTypedDefinition =
        typeof(GrainProxy).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainRuntime _runtime = null!;
    private GrainId _id;

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId id)
    {
        var proxy = Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy!;
        self._runtime = runtime;
        self._id = id;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var dispatch = Dispatchers.GetOrAdd(targetMethod, BuildDispatcher);
        return dispatch(_runtime, _id, targetMethod, args ?? []);
    }

    private static Func<GrainRuntime, GrainId, MethodInfo, object?[], object> BuildDispatcher(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task))
            return (runtime, id, m, args) => runtime.InvokeAsync(id, grain => (Task)Call(grain, m, args));
        var resultType = method.ReturnType.GetGenericArguments()[0];
        var typed = InvokeTypedDefinition.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[], object>>();
        return typed;
    }

    private static object InvokeTyped<T>(GrainRuntime runtime, GrainId id, MethodInfo method, object?[] args) =>
        runtime.InvokeAsync(id, grain => (Task<T>)Call(grain, method, args));

    private static object Call(object grain, MethodInfo method, object?[] args) =>
        method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)!;
}
