using MissionControl.GrainInterfaces.Agents;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>
/// Tunables of the agent inbox (INBOX_* settings). The grain takes them with each command, so
/// every silo applies the settings of the service that called it.
/// </summary>
public sealed class InboxOptions
{
    /// <summary>How long a polled message stays invisible to other polls before it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = InboxDefaults.VisibilityTimeout;

    /// <summary>Most messages one poll returns.</summary>
    public int PollLimit { get; set; } = InboxDefaults.PollLimit;

    /// <summary>Deliveries without a report after which a message is dead-lettered instead of delivered again.</summary>
    public int MaxDeliveries { get; set; } = InboxDefaults.MaxDeliveries;

    /// <summary>Open messages an inbox holds before new sends to it are refused (replies are always accepted).</summary>
    public int MaxOpenMessages { get; set; } = InboxDefaults.MaxOpenMessages;

    /// <summary>Longest message content or report result, in characters.</summary>
    public int MaxContentLength { get; set; } = InboxDefaults.MaxContentLength;

    /// <summary>
    /// The server secret keyed into inbox key hashes (INBOX_KEY_SECRET). When null, one is generated
    /// once and kept in the database so every silo shares it.
    /// </summary>
    public string? KeySecret { get; set; }

    /// <summary>Never shows the secret.</summary>
    public override string ToString() =>
        $"InboxOptions {{ VisibilityTimeout = {VisibilityTimeout}, PollLimit = {PollLimit}, MaxDeliveries = {MaxDeliveries} }}";
}

