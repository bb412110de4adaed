using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Apis.Work;
namespace MissionControl.ApiGateway.Apis.Boards;

/// <summary>Everything a board view needs in one read (upstream <c>BoardSnapshot</c>). Approvals are not built yet: always none.</summary>
public sealed record BoardSnapshot(
    BoardRead Board,
    IReadOnlyList<SnapshotTask> Tasks,
    IReadOnlyList<AgentRead> Agents,
    IReadOnlyList<object> Approvals,
    IReadOnlyList<BoardMemoryRead> ChatMessages,
    int PendingApprovalsCount);

/// <summary>A task in a snapshot: the task, its assignee's name and its approval counts.</summary>
public sealed record SnapshotTask : TaskRead
{
    public SnapshotTask(TaskRead task, string? assignee)
        : base(task)
    {
        Assignee = assignee;
    }

    public string? Assignee { get; }

    public int ApprovalsCount => 0;

    public int ApprovalsPendingCount => 0;
}
