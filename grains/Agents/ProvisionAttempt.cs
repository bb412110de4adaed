namespace MissionControl.Grains.Agents;

/// <summary>Whether a provision attempt is still running, finished, or failed.</summary>
public static class ProvisionOutcome
{
    /// <summary>Started and not yet completed or failed; after a crash this is what stays visible.</summary>
    public const string InProgress = "in_progress";

    /// <summary>All gateway steps succeeded.</summary>
    public const string Completed = "completed";

    /// <summary>A step failed or the attempt was abandoned; see the error.</summary>
    public const string Failed = "failed";
}

/// <summary>The two kinds of workspace provisioning.</summary>
public static class ProvisionAction
{
    /// <summary>First provision of a new agent.</summary>
    public const string Provision = "provision";

    /// <summary>Re-provision after a change, a retry, or a missed check-in.</summary>
    public const string Update = "update";

    /// <summary>Rewrite the workspace from the current templates (gateway-wide template sync).</summary>
    public const string TemplateSync = "template_sync";
}

/// <summary>One gateway call made while provisioning, as recorded for operators.</summary>
/// <param name="Name">Step name, e.g. <c>agents.create</c> or <c>files.set TOOLS.md</c>.</param>
/// <param name="Sent">What was sent, in brief and without secrets.</param>
/// <param name="Answer">What the gateway answered, in brief.</param>
/// <param name="At">When the step finished.</param>
public sealed record ProvisionStep(string Name, string Sent, string Answer, DateTimeOffset At);

/// <summary>
/// The latest provision or update of an agent. Only the latest is kept on the state; the full
/// history is in the event stream.
/// </summary>
/// <param name="Generation">Increases with every attempt; stale runs are recognised by it.</param>
/// <param name="Action">A <see cref="ProvisionAction"/> value.</param>
/// <param name="ForceBootstrap">Whether BOOTSTRAP.md is rewritten even on update.</param>
/// <param name="Wake">Whether the agent is woken (sent a chat message) at the end.</param>
/// <param name="StartedAt">When the attempt began.</param>
/// <param name="Steps">Gateway steps done so far.</param>
/// <param name="Outcome">A <see cref="ProvisionOutcome"/> value.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="LastProgressAt">Start or latest step; used to spot an attempt nobody is running.</param>
/// <param name="FinishedAt">When it completed or failed.</param>
public sealed record ProvisionAttempt(
    int Generation,
    string Action,
    bool ForceBootstrap,
    bool Wake,
    DateTimeOffset StartedAt,
    IReadOnlyList<ProvisionStep> Steps,
    string Outcome,
    string? Error,
    DateTimeOffset LastProgressAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>How many automatic retries in a row this attempt is (0: asked for by someone).</summary>
    public int AutoRetry { get; init; }

    /// <summary>Reset the agent's gateway session once the files are written.</summary>
    public bool ResetSession { get; init; }

    /// <summary>Rewrite the files the agent otherwise keeps as its own.</summary>
    public bool Overwrite { get; init; }

    /// <summary>True while the attempt has neither completed nor failed.</summary>
    public bool IsInProgress => Outcome == ProvisionOutcome.InProgress;
}
