using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionControl.Grains.Boards;
using MissionControl.ReadModels.Projections;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;
using MissionControl.Silo.Hosting;

namespace MissionControl.ReadModels;

/// <summary>Wires the work on boards (dependencies, comments, memory, activity) into a silo.</summary>
public static class BoardWorkRegistration
{
    /// <summary>
    /// The memory and activity projections (registered after the entity projections, whose rows
    /// they read), their queries, and the services that run task, comment and chat requests.
    /// </summary>
    public static SiloBuilder AddBoardWorkReadModels(this SiloBuilder silo)
    {
        silo.AddProjection<BoardMemoryProjection>()
            .AddProjection<ActivityProjection>();
        silo.Services.AddSingleton<TaskDependencyQueries>();
        silo.Services.AddSingleton<IBoardTaskGraphs>(sp => sp.GetRequiredService<TaskDependencyQueries>());
        silo.Services.AddSingleton<BoardMemoryQueries>();
        silo.Services.AddSingleton<ActivityQueries>();
        silo.Services.AddSingleton<AgentMessenger>();
        silo.Services.AddSingleton<TaskWork>();
        silo.Services.AddSingleton<BoardChat>();
        return silo;
    }

    /// <summary>
    /// The outbox of messages to agents that committed work calls for (filled inside each append's
    /// transaction) and the dispatcher that sends them; it needs the gateway clients, so it comes
    /// with the whole domain.
    /// </summary>
    public static SiloBuilder AddNoticeDispatch(this SiloBuilder silo)
    {
        silo.AddProjection<NoticeOutboxProjection>();
        silo.Services.AddSingleton<AgentNotices>();
        silo.Services.AddSingleton<NoticeOutbox>();
        silo.Services.TryAddSingleton(new NoticeOptions());
        silo.Services.AddHostedService<NoticeDispatcher>();
        return silo;
    }
}
