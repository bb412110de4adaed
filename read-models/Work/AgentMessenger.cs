using Microsoft.Extensions.Logging;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Gateways.Config;
using MissionControl.OpenClaw;
using MissionControl.ReadModels.Queries;
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
/// Sends chat messages to agents through their gateway (<c>chat.send</c> on the agent's session),
/// and records on a board a message that could not go out (an activity row).
/// </summary>
public sealed class AgentMessenger(GatewayClientPool clients, IGatewayConnections connections, IGrainFactory grains, ILogger<AgentMessenger> logger)
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="agent"/>; null when it went out, else why not.</summary>
    public async Task<Exception?> TrySendAsync(AgentRow agent, AgentMessage message)
    {
        try
        {
            var gateway = await connections.ResolveAsync(agent.GatewayId.ToString(), CancellationToken.None);
            await clients.ControlPlane(gateway).SendChatAsync(agent.SessionKey, message.Text, message.IdempotencyKey, message.Deliver);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    /// <summary>Records on the board that <paramref name="message"/> never reached <paramref name="agent"/>.</summary>
    public async Task RecordFailureAsync(Guid boardId, AgentRow agent, AgentMessage message, Exception error)
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
