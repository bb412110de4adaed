using System.Collections.Concurrent;
using MissionControl.Fakes;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Templates.Context;

namespace MissionControl.Integration.Tests.Agents;

/// <summary>Every agent lives on one gateway and on a plain sample board.</summary>
public sealed class FixedAgentSurroundings(GatewayTarget target) : IAgentSurroundings
{
    public const string WorkspaceRoot = "/srv/openclaw/workspaces";

    /// <summary>Agents on <paramref name="gateway"/>, reached with fast test settings.</summary>
    public FixedAgentSurroundings(FakeGateway gateway)
        : this(new GatewayTarget(FastClientSettings.Options(gateway, $"fake-{Guid.NewGuid():N}"), WorkspaceRoot))
    {
    }

    public Task<GatewayTarget?> FindGatewayAsync(Guid gatewayId, CancellationToken ct) =>
        Task.FromResult<GatewayTarget?>(Target);

    public Task<AgentSurroundings> DescribeAsync(AgentState agent, CancellationToken ct) =>
        Task.FromResult(new AgentSurroundings(Target, agent.BoardId is { } board ? Board(board) : null, new UserProfile { Name = "Ada Operator" }));

    private GatewayTarget Target => target;

    private static BoardProfile Board(Guid id) =>
        new(id.ToString(), "Launch board", "goal", "Ship the launch", "{}", "", true, new BoardRules());
}

/// <summary>Remembers which agents had their tasks released.</summary>
public sealed class RecordingDeparture : IAgentDeparture
{
    public ConcurrentBag<Guid> Released { get; } = [];

    public Task ReleaseTasksAsync(Guid agentId, CancellationToken ct)
    {
        Released.Add(agentId);
        return Task.CompletedTask;
    }
}
