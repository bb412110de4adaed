using MissionControl.GrainInterfaces.Agents;
using MissionControl.Grains.Agents.Provisioning;

namespace MissionControl.Grains.Agents;

// Deleting cleans the gateway first (agent with its files, then its session, best effort), then
// releases the agent's tasks, then records the deletion. A watch reminder finishes the job if the
// silo dies half way; a gateway failure leaves the agent "deleting" with the error, and deleting
// again retries.
public sealed partial class AgentGrain
{
    public async Task<AgentDeletion> Delete()
    {
        await StopRunAsync();
        await Execute(state => AgentDecider.Decide(state, new StartDeletion(clock.GetUtcNow())));
        if (State is null || State.IsDeleted)
            return new AgentDeletion(true, null);
        await RemindOnceAsync(DeletionWatch, options.ProvisionStuckAfter);
        return await CleanUpAsync();
    }

    private async Task FinishDeletionAsync()
    {
        if (State is { IsDeleting: true })
            await CleanUpAsync();
    }

    private async Task<AgentDeletion> CleanUpAsync()
    {
        var agent = State!;
        try
        {
            await CleanGatewayAsync(agent);
            await departure.ReleaseTasksAsync(agent.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            await Execute(state => AgentDecider.Decide(state, new FailDeletion(ex.Message, clock.GetUtcNow())));
            await CancelAsync(DeletionWatch);
            return new AgentDeletion(false, State!.LastDeleteError);
        }
        await Execute(state => AgentDecider.Decide(state, new CompleteDeletion(clock.GetUtcNow())));
        foreach (var reminder in new[] { DeletionWatch, ProvisionWatch, CheckIn })
            await CancelAsync(reminder);
        return new AgentDeletion(true, null);
    }

    private async Task CleanGatewayAsync(AgentState agent)
    {
        // A gateway that no longer exists has nothing left to clean.
        if (await surroundings.FindGatewayAsync(agent.GatewayId, CancellationToken.None) is not { } gateway)
            return;
        var control = provisioner.ControlPlane(gateway);
        var gatewayAgentId = AgentWorkspace.GatewayAgentId(agent);
        await control.DeleteAgentAsync(gatewayAgentId, deleteFiles: true);
        await BestEffort(() => control.DeleteSessionAsync(agent.SessionKey));
        if (!agent.IsGatewayMain)
        {
            var workspace = AgentWorkspace.PathFor(gateway.WorkspaceRoot, gatewayAgentId);
            await BestEffort(() => control.SendChatAsync(
                SessionKeys.ForGatewayMain(agent.GatewayId),
                AgentMessages.WorkspaceCleanup(agent.Name, workspace),
                $"cleanup-{agent.Id}",
                deliver: false));
        }
    }

    // Losing a session or a courtesy message must not keep an agent from being deleted.
    private static async Task BestEffort(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception)
        {
            // Recorded nowhere on purpose: the step is optional and the agent is going away.
        }
    }
}
