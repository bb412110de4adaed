using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;

namespace MissionControl.Silo.Hosting;

/// <summary>What a silo's event store knows: the events grains persist, and the inline projections.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    internal EventTypeRegistry Events { get; } = new();

    internal List<Action<EventStoreOptions>> OptionActions { get; } = [];

    public IServiceCollection Services { get; } = services;

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

    public SiloBuilder Configure(Action<EventStoreOptions> configure)
    {
        OptionActions.Add(configure);
        return this;
    }
}
