using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Agents.Inbox;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents.Inbox;

/// <summary>Short commands for inbox decider tests: a 15-minute lease, 3 deliveries before dead-letter.</summary>
internal static class InboxSpec
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    public const int MaxDeliveries = 3;

    public static readonly Guid SenderId = Guid.Parse("44444444-4444-4444-4444-444444444444");

    public static QueueInboxMessage Letter(Guid id, string content = "hello", DateTimeOffset? at = null) =>
        new(id, InboxIds.Conversation(SenderId, AgentId), content, at ?? T0.AddMinutes(1))
        {
            SenderAgentId = SenderId,
            SenderAgentName = "Sender",
        };

    public static PollInbox Poll(DateTimeOffset at, int max = 20) =>
        new(max, at) { VisibilityTimeout = Lease, MaxDeliveries = MaxDeliveries };

    public static ReportInboxMessage Report(Guid id, string result, DateTimeOffset at) => new(id, result, at);

    /// <summary>An online worker holding the given queued messages.</summary>
    public static AgentSpec OnlineWith(params Guid[] messageIds)
    {
        var spec = OnlineWorker(T0.AddSeconds(30));
        foreach (var (id, i) in messageIds.Select((id, i) => (id, i)))
            spec.Given(Letter(id, $"message {i}", T0.AddMinutes(1).AddSeconds(i)));
        return spec;
    }

    public static IEnumerable<Guid> DeliveredIds(this IEnumerable<AgentEvent> events) =>
        events.OfType<AgentInboxMessageDelivered>().Select(e => e.MessageId);
}
