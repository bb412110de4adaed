using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ReadModels.Lifecycle;

/// <summary>Releases a deleted agent's tasks: found through the task read model, changed through each task's grain.</summary>
public sealed class TaskReleasingDeparture(TaskQueries tasks, IGrainFactory grains) : IAgentDeparture
{
    public async Task ReleaseTasksAsync(Guid agentId, CancellationToken ct)
    {
        // Releasing is idempotent per task, so a cleanup that runs twice does no harm.
        foreach (var task in await tasks.AssignedToAsync(agentId, ct))
            await grains.GetGrain<ITaskGrain>(task.Id.ToString()).ReleaseDeletedAgent(agentId);
    }
}
