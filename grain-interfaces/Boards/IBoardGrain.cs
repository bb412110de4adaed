using MissionControl.GrainInterfaces.Tasks;
using Orleans;

namespace MissionControl.GrainInterfaces.Boards;

/// <summary>
/// One board, keyed by its id (a Guid in its "D" form). The grain checks the board's gateway
/// itself (same organization, gateway-main agent present), so callers pass only its id. Broken
/// rules surface as domain errors; a board that does not exist, or was deleted, is NotFound
/// ("Board not found").
/// </summary>
public interface IBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the board under this grain's id. Validation when name, description or gateway is
    /// missing, the gateway is unknown, of another organization or without its main agent, or
    /// the board type is not goal/general; Conflict when it exists already.
    /// </summary>
    Task<BoardView> Create(NewBoard board);

    /// <summary>Changes the given fields; null members stay as they are.</summary>
    Task<BoardView> Update(BoardChanges changes);

    /// <summary>Records which agent leads the board (idempotent for the same agent).</summary>
    Task<BoardView> AssignLead(Guid agentId);

    /// <summary>
    /// Notes a chat message posted on the board: <c>/pause</c> pauses it, <c>/resume</c> resumes
    /// it, anything else changes nothing. Returns whether the board is paused afterwards.
    /// </summary>
    Task<bool> RecordChatMessage(string content);

    /// <summary>
    /// Adds an entry to the board's memory (Validation when the content is blank). Tagged
    /// <c>chat</c>, it is a chat message, and <c>/pause</c> or <c>/resume</c> also pause or resume the board.
    /// </summary>
    Task<BoardMemoryView> PostMemory(NewBoardMemory memory);

    /// <summary>Records that a message about <paramref name="topic"/> could not reach an agent of the board.</summary>
    Task RecordNotificationFailure(string topic, Guid agentId, Guid? taskId, string error);

    /// <summary>Deletes the board; deleting it again changes nothing. NotFound if it never existed.</summary>
    Task Delete();

    Task<BoardView> Get();

    /// <summary>
    /// Creates a task of this board that depends on others. The board takes such edits one at a
    /// time, each judged on the board's dependency graph as committed by the edits before it, so
    /// two concurrent edits cannot close a cycle between them.
    /// </summary>
    Task<TaskView> CreateDependentTask(Guid taskId, NewTask task);

    /// <summary>Changes a task's dependencies (and whatever else the edit sets), one edit at a time as above.</summary>
    Task<TaskView> ChangeTaskDependencies(Guid taskId, TaskEditor by, TaskEdit edit, TaskEditContext context);
}

/// <summary>A memory entry to post, by an agent or a user.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-board-memory")]
public sealed record NewBoardMemory(string Content, IReadOnlyList<string>? Tags, string? Source, Guid? AgentId, Guid? UserId);

/// <summary>A board memory entry as it may be shown.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-memory-view")]
public sealed record BoardMemoryView(
    Guid Id, Guid BoardId, string Content, IReadOnlyList<string>? Tags, bool IsChat, string? Source, DateTimeOffset CreatedAt);

/// <summary>What creating a board needs.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.new-board")]
public sealed record NewBoard(Guid OrganizationId, string Name, string? Description, Guid? GatewayId)
{
    /// <summary><c>goal</c> or <c>general</c>; null takes the domain's default.</summary>
    [Orleans.Id(4)]
    public string? BoardType { get; init; }

    [Orleans.Id(5)]
    public string? Objective { get; init; }

    /// <summary>Workflow switches; null takes the defaults.</summary>
    [Orleans.Id(6)]
    public WorkflowRules? Rules { get; init; }
}

/// <summary>A board update: null members stay as they are; a blank objective clears it.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-changes")]
public sealed record BoardChanges
{
    [Orleans.Id(0)]
    public string? Name { get; init; }

    /// <summary>New description; blank is refused.</summary>
    [Orleans.Id(1)]
    public string? Description { get; init; }

    [Orleans.Id(2)]
    public string? Objective { get; init; }

    /// <summary>Move the board to this gateway (checked like on creation).</summary>
    [Orleans.Id(3)]
    public Guid? GatewayId { get; init; }

    /// <summary>Replaces all workflow switches.</summary>
    [Orleans.Id(4)]
    public WorkflowRules? Rules { get; init; }
}

/// <summary>A board's workflow switches, with the upstream defaults.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.workflow-rules")]
public sealed record WorkflowRules(
    bool RequireApprovalForDone = true,
    bool RequireReviewBeforeDone = false,
    bool CommentRequiredForReview = false,
    bool BlockStatusChangesWithPendingApproval = false,
    bool OnlyLeadCanChangeStatus = false,
    int MaxAgents = 1);

/// <summary>A board as it may be shown.</summary>
[Orleans.GenerateSerializer]
[Orleans.Alias("mc.board-view")]
public sealed record BoardView(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Description,
    string BoardType,
    string? Objective,
    Guid GatewayId,
    Guid? LeadAgentId,
    bool IsPaused,
    WorkflowRules Rules,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
