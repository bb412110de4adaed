using MissionControl.OpenClaw.Errors;
using Polly;

namespace MissionControl.OpenClaw.Resilience;

/// <summary>Per-execution bookkeeping carried through the Polly context.</summary>
internal sealed class OperationState(DateTimeOffset deadline)
{
    public static readonly ResiliencePropertyKey<OperationState> Key = new("MissionControl.OpenClaw.OperationState");

    public DateTimeOffset Deadline { get; } = deadline;

    public GatewayException? LastError { get; set; }
}
