namespace MissionControl.Grains.Agents;

/// <summary>
/// Agent status values as they appear on the wire. Status is a string rather than an enum
/// because agents may report their own status text in a heartbeat (upstream accepts any);
/// the values below are the ones Mission Control itself sets.
/// </summary>
public static class AgentStatus
{
    /// <summary>Workspace is being created on the gateway, or the agent has not checked in yet.</summary>
    public const string Provisioning = "provisioning";

    /// <summary>The agent is alive (recent heartbeat) or was just provisioned and woken.</summary>
    public const string Online = "online";

    /// <summary>No heartbeat within the offline window, or it never checked in after waking.</summary>
    public const string Offline = "offline";

    /// <summary>Workspace is being re-provisioned after a change.</summary>
    public const string Updating = "updating";

    /// <summary>Gateway cleanup is in progress.</summary>
    public const string Deleting = "deleting";

    /// <summary>The agent is gone; its stream is kept for history.</summary>
    public const string Deleted = "deleted";

    /// <summary>The last provision or update failed; the error is on the state.</summary>
    public const string Failed = "failed";

    /// <summary>
    /// True for statuses only the lifecycle may set; an agent cannot report itself into them.
    /// </summary>
    public static bool IsReservedForLifecycle(string status) =>
        status is Deleting or Deleted;

    /// <summary>
    /// True when the agent is considered alive, so silence should eventually take it offline.
    /// Lifecycle statuses are excluded: they have their own watchdogs.
    /// </summary>
    public static bool CountsAsLive(string status) => !NotLive.Contains(status);

    /// <summary>The statuses that do not count as live (see <see cref="CountsAsLive"/>).</summary>
    public static readonly IReadOnlyList<string> NotLive = [Provisioning, Updating, Offline, Deleting, Deleted, Failed];
}
