using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Security;

namespace MissionControl.Grains.Tests.Agents;

/// <summary>
/// Drives the agent decider the way a grain does: decide, then apply what was decided, so
/// each test reads as Given (history) / When (command) / Then (events and state).
/// </summary>
internal sealed class AgentSpec
{
    public static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);

    // One iteration keeps the suite fast; the decider only checks the hash's shape.
    public static readonly string TokenHash = AgentTokens.Hash("first-token", 1);
    public static readonly string NewTokenHash = AgentTokens.Hash("second-token", 1);

    public static readonly Guid AgentId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid BoardId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid GatewayId = Guid.Parse("33333333-3333-3333-3333-333333333333");

    public AgentState? State { get; private set; }

    public IReadOnlyList<AgentEvent> Events { get; private set; } = [];

    public static CreateAgent CreateWorker(DateTimeOffset? at = null) =>
        new(AgentId, "Worker One", BoardId, GatewayId, TokenHash, at ?? T0);

    /// <summary>A worker just created; its first provision is in progress.</summary>
    public static AgentSpec NewWorker() => new AgentSpec().Given(CreateWorker());

    /// <summary>A worker whose provision completed and woke it; it has not checked in.</summary>
    public static AgentSpec ProvisionedWorker() =>
        NewWorker().Given(new CompleteProvisioning(1, WakeSent: true, T0.AddSeconds(5)));

    /// <summary>A worker that checked in at <paramref name="lastSeen"/>.</summary>
    public static AgentSpec OnlineWorker(DateTimeOffset lastSeen) =>
        ProvisionedWorker().Given(new RecordHeartbeat(lastSeen));

    /// <summary>Applies commands as history (their events are not the ones under test).</summary>
    public AgentSpec Given(params AgentCommand[] commands)
    {
        foreach (var command in commands)
        {
            When(command);
        }

        Events = [];
        return this;
    }

    /// <summary>Decides <paramref name="command"/> and applies the resulting events.</summary>
    public IReadOnlyList<AgentEvent> When(AgentCommand command)
    {
        Events = AgentDecider.Decide(State, command);
        State = AgentEvolver.Fold(Events, State);
        return Events;
    }

    public AgentState Agent => State ?? throw new InvalidOperationException("No agent yet");
}
