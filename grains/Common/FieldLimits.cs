namespace MissionControl.Grains.Common;

/// <summary>
/// The one table of how long each kind of field may be, for every route and rule that checks
/// one. Request bodies may be up to 1 MiB, far more than any field needs, and everything here
/// ends up in events, workspace files or gateway messages.
/// </summary>
public static class FieldLimits
{
    /// <summary>A display name (agents, boards, gateways, organizations, users), a board type, a session id, a profile key.</summary>
    public const int Name = 256;

    /// <summary>A short label: a status, a priority, a role, a tag, a memory post's source.</summary>
    public const int Label = 200;

    /// <summary>A task's title.</summary>
    public const int Title = 1_000;

    /// <summary>Free text: descriptions, objectives, comments, memory posts, templates, messages, profile notes.</summary>
    public const int Text = 100_000;

    /// <summary>One value of an agent's identity profile.</summary>
    public const int ProfileValue = 2_000;

    /// <summary>An e-mail address (the longest a mail system accepts).</summary>
    public const int Email = 320;

    public const int Url = 2_048;

    /// <summary>A directory on a gateway's host.</summary>
    public const int Path = 1_024;

    /// <summary>A gateway's token.</summary>
    public const int Token = 4_096;

    /// <summary>An agent's heartbeat settings, as JSON text.</summary>
    public const int HeartbeatConfigJson = 4_096;

    /// <summary>Entries of an agent's identity profile.</summary>
    public const int ProfileEntries = 50;

    /// <summary>Tags on one memory post.</summary>
    public const int Tags = 50;

    /// <summary>Ids in one list (a task's dependencies, a member's board grants).</summary>
    public const int Ids = 500;
}
