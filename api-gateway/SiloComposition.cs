using MissionControl.ApiGateway.Authentication;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels;
using MissionControl.Silo.Hosting;

namespace MissionControl.ApiGateway;

/// <summary>The grains, events and projections this service hosts, and the services that join them to HTTP.</summary>
public static class SiloComposition
{
    public static SiloBuilder AddMissionControlGrains(this SiloBuilder silo, AgentOptions agents, InboxOptions inbox)
    {
        // Registered before the domain so it keeps these settings instead of its defaults.
        silo.Services.AddSingleton(agents);
        silo.Services.AddSingleton(inbox);
        silo.Services.AddSingleton<IAgentTokenDirectory, ReadModelAgentTokenDirectory>();
        return silo.AddMissionControlDomain();
    }
}
