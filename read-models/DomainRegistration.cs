using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MissionControl.Grains;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Deletion;
using MissionControl.Grains.Gateways.Config;
using MissionControl.Grains.Gateways.Lifecycle;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels.Inbox;
using MissionControl.ReadModels.Lifecycle;
using MissionControl.Silo.Hosting;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.ReadModels;

/// <summary>The whole domain in one call: the grains' events, the read models and the lifecycle services (the grains themselves are found by Orleans).</summary>
public static class DomainRegistration
{
    /// <summary>
    /// Registers everything a Mission Control silo hosts. Services the host registered first
    /// (agent and inbox options, gateway resilience, a gateway-connection resolver) are kept, so the
    /// service can pass its settings and tests can point gateways at a fake.
    /// </summary>
    public static SiloBuilder AddMissionControlDomain(this SiloBuilder silo)
    {
        silo.AddEventsFrom(typeof(EntityGrains).Assembly)
            .AddReadModels()
            .AddNoticeDispatch();
        AddLifecycleServices(silo.Services);
        return silo;
    }

    private static void AddLifecycleServices(IServiceCollection services)
    {
        services.AddEntityGrainServices();
        services.TryAddSingleton(new AgentOptions());
        services.TryAddSingleton(new GatewayConfigOptions());
        services.TryAddSingleton(new GatewayResilienceOptions());
        services.TryAddSingleton(sp => new GatewayClientPool(
            sp.GetRequiredService<IDeviceIdentityStore>(), sp.GetRequiredService<GatewayResilienceOptions>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<WorkspaceProvisioner>();
        services.TryAddSingleton<GatewayLanes>();
        services.TryAddSingleton<IAgentSurroundings, GrainAgentSurroundings>();
        services.TryAddSingleton<IAgentDeparture, TaskReleasingDeparture>();
        services.TryAddSingleton<IGatewayRoster, ReadModelGatewayRoster>();
        services.TryAddSingleton<ICascadeContents, ReadModelCascadeContents>();
        services.TryAddSingleton<GatewayTemplateSync>();
        services.TryAddSingleton<AgentPlacement>();
        services.TryAddSingleton(sp => new GatewayProbe(sp.GetRequiredService<IDeviceIdentityStore>(), sp.GetRequiredService<GatewayResilienceOptions>()));
        services.TryAddSingleton<GatewayCompatibility>();
        services.TryAddSingleton(new InboxOptions());
        services.TryAddSingleton<InboxKeySecret>();
        services.TryAddSingleton<InboxKeyIssuer>();
        services.TryAddSingleton<IInboxReadModel, ReadModelInbox>();
        services.TryAddSingleton<InboxDirectory>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, LegacyReminderUpgrade>();
    }
}
