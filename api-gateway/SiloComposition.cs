using MissionControl.Silo.Hosting;

namespace MissionControl.ApiGateway;

/// <summary>The grains, events and projections this service hosts.</summary>
public static class SiloComposition
{
    public static SiloBuilder AddMissionControlGrains(this SiloBuilder silo) => silo;
}
