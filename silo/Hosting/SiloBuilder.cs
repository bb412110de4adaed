using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Runtime;

namespace MissionControl.Silo.Hosting;

/// <summary>What a silo hosts: grains, the events they persist, and inline projections.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    internal GrainTypeRegistry Grains { get; } = new();

    internal EventTypeRegistry Events { get; } = new();

    internal List<Action<SiloOptions>> OptionActions { get; } = [];

    public IServiceCollection Services { get; } = services;

    public SiloBuilder AddGrain<TInterface, TImplementation>(string? typeName = null)
        where TInterface : IGrain
        where TImplementation : Grain, TInterface
    {
        Grains.Add(new GrainRegistration(
            typeName ?? GrainTypeRegistry.DefaultTypeName(typeof(TInterface)), typeof(TInterface), typeof(TImplementation)));
        return this;
    }

    /// <summary>Registers every <see cref="EventNameAttribute"/> type of the assembly.</summary>
    public SiloBuilder AddEventsFrom(Assembly assembly)
    {
        Events.AddFromAssembly(assembly);
        return this;
    }

    public SiloBuilder AddProjection<TProjection>() where TProjection : class, IInlineProjection
    {
        Services.AddSingleton<IInlineProjection, TProjection>();
        return this;
    }

    public SiloBuilder Configure(Action<SiloOptions> configure)
    {
        OptionActions.Add(configure);
        return this;
    }
}
