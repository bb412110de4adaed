using MissionControl.Grains.Agents.Presence;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Users;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.ReadModels.History;
using MissionControl.ReadModels.Projections;
using MissionControl.ReadModels.Queries;
using MissionControl.Silo.Hosting;

namespace MissionControl.ReadModels;

/// <summary>Wires the read models into a silo.</summary>
public static class ReadModelRegistration
{
    /// <summary>
    /// Registers the inline projections that fill the read-model tables (inside each append's
    /// transaction) and the query classes that read them, over the silo's <c>NpgsqlDataSource</c>.
    /// </summary>
    public static SiloBuilder AddReadModels(this SiloBuilder silo)
    {
        silo.AddProjection<OrganizationProjection>()
            .AddProjection<GatewayProjection>()
            .AddProjection<BoardProjection>()
            .AddProjection<AgentProjection>()
            .AddProjection<TaskProjection>()
            .AddProjection<UserProjection>()
            .AddProjection<InboxMessageProjection>();
        silo.AddBoardWorkReadModels();
        silo.Services.AddSingleton<AgentQueries>();
        silo.Services.AddSingleton<BoardQueries>();
        silo.Services.AddSingleton<GatewayQueries>();
        silo.Services.AddSingleton<TaskQueries>();
        silo.Services.AddSingleton<OrganizationQueries>();
        silo.Services.AddSingleton<UserQueries>();
        silo.Services.AddSingleton<MembershipQueries>();
        silo.Services.AddSingleton<IOrganizationNames>(sp => sp.GetRequiredService<MembershipQueries>());
        silo.Services.AddSingleton<IUserMemberships, Lifecycle.ReadModelUserMemberships>();
        silo.Services.AddSingleton<InboxQueries>();
        silo.Services.AddSingleton<ISilentAgents, SilentAgentQueries>();
        silo.Services.AddSingleton<StreamHistory>();
        return silo;
    }
}
