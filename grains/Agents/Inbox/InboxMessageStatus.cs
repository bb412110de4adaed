namespace MissionControl.Grains.Agents.Inbox;

/// <summary>Where a message is in its inbox, as operators see it.</summary>
public static class InboxMessageStatus
{
    /// <summary>Waiting for a poll (never delivered, or its lease ran out).</summary>
    public const string Pending = "pending";

    /// <summary>Leased to a poll until its lease expires.</summary>
    public const string Delivered = "delivered";

    /// <summary>Reported by the agent; never delivered again.</summary>
    public const string Completed = "completed";

    /// <summary>Delivered the maximum number of times without a report; no longer delivered.</summary>
    public const string DeadLetter = "dead_letter";
}
