using MissionControl.Runtime;

namespace MissionControl.Silo.Runtime;

/// <summary>Makes grain references bound to this silo's runtime.</summary>
public sealed class GrainFactory(GrainTypeRegistry types, GrainRuntime runtime) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var registration = types.ForInterface(typeof(TGrain));
        return GrainProxy.Create<TGrain>(runtime, new GrainId(registration.TypeName, key));
    }
}
