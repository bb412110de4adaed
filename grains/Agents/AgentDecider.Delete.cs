using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents;

public static partial class AgentDecider
{
    // Deleting something that is gone or going is not an error: the API answers Ok either way,
    // and a retried delete request must not fail.
    private static IReadOnlyList<AgentEvent> StartDeletion(AgentState? state, StartDeletion command) =>
        IsGoneOrGoing(state) ? Nothing : [new AgentDeletionStarted(command.Now)];

    private static IReadOnlyList<AgentEvent> FailDeletion(AgentState? state, FailDeletion command)
    {
        RequireDeleting(state);
        var error = Text.Truncate(Text.TrimToNull(command.Error) ?? "Unknown cleanup error", MaxErrorLength);
        return [new AgentDeletionFailed(error, command.Now)];
    }

    private static IReadOnlyList<AgentEvent> CompleteDeletion(AgentState? state, CompleteDeletion command)
    {
        if (state is { IsDeleted: true })
        {
            return Nothing;
        }

        RequireDeleting(state);
        return [new AgentDeleted(command.Now)];
    }

    private static void RequireDeleting(AgentState? state)
    {
        if (!RequireExisting(state).IsDeleting)
        {
            throw DomainError.Conflict("Agent deletion has not started");
        }
    }
}
