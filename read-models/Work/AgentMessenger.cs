using Microsoft.Extensions.Logging;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ReadModels.Work;

/// <summary>What a message to an agent is about, and the text itself.</summary>
/// <param name="Topic">Activity topic of a failure (<c>board.chat</c>, <c>task.assignee</c>, …).</param>
/// <param name="TaskId">The task it concerns, if any.</param>
/// <param name="Text">The message.</param>
/// <param name="IdempotencyKey">Same key, same message: a retry is not delivered twice.</param>
/// <param name="Deliver">Whether the gateway should deliver it to the agent's channel too.</param>
public sealed record AgentMessage(string Topic, Guid? TaskId, string Text, string IdempotencyKey, bool Deliver = false);

/// <summary>
/// Sends chat messages to a board's agents through their gateway (<c>chat.send</c> on the agent's
/// session). Messages are best effort: what they are about is already committed, so a failure
/// is recorded on the board (an activity row) and the request goes on.
/// </summary>
public sealed class AgentMessenger(GatewayClientPool clients, IGatewayConnections connections, IGrainFactory grains, ILogger<AgentMessenger> logger)
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="agent"/>; false (and recorded) when it could not go out.</summary>
    public async Task<bool> SendAsync(Guid boardId, AgentRow agent, AgentMessage message)
    {
        try
        {
            var gateway = await connections.ResolveAsync(agent.GatewayId.ToString(), CancellationToken.None);
            await clients.ControlPlane(gateway).SendChatAsync(agent.SessionKey, message.Text, message.IdempotencyKey, message.Deliver);
            return true;
        }
        catch (Exception error)
        {
            await RecordFailureAsync(boardId, agent, message, error);
            return false;
        }
    }

    private async Task RecordFailureAsync(Guid boardId, AgentRow agent, AgentMessage message, Exception error)
    {
        try
        {
            await grains.GetGrain<IBoardGrain>(boardId.ToString())
                .RecordNotificationFailure(message.Topic, agent.Id, message.TaskId, error.Message);
        }
        catch (Exception recordError)
        {
            // The work itself is committed; losing the note about a missed message is the lesser harm.
            logger.LogWarning(recordError, "Could not record a failed {Topic} message to agent {AgentId}", message.Topic, agent.Id);
        }
    }
}
