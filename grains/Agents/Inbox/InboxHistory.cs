using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// The earlier turns of a message's conversation, as far as this agent's inbox knows them: what it
/// received ("user") and what it reported ("assistant"). Messages the agent sent itself live in
/// the other agent's inbox, so they are not part of it.
/// </summary>
public static class InboxHistory
{
    public const int MaxItems = 10;

    public const string UserRole = "user";

    public const string AssistantRole = "assistant";

    /// <summary>Up to <see cref="MaxItems"/> turns before <paramref name="message"/>, oldest first.</summary>
    public static IReadOnlyList<InboxHistoryItem> Before(AgentState agent, InboxMessage message)
    {
        var earlier = agent.Inbox.Recent.Concat(agent.Inbox.Open)
            .Where(m => m.ConversationId == message.ConversationId && m.Id != message.Id && m.QueuedAt <= message.QueuedAt);
        var turns = new List<InboxHistoryItem>();
        foreach (var m in earlier)
        {
            turns.Add(new InboxHistoryItem(UserRole, m.Content, m.SenderAgentName, m.QueuedAt));
            if (m is { Status: InboxMessageStatus.Completed, Result: { } result, FinishedAt: { } finished })
                turns.Add(new InboxHistoryItem(AssistantRole, result, agent.Name, finished));
        }

        return [.. turns.OrderBy(t => t.CreatedAt).TakeLast(MaxItems)];
    }
}
