using MissionControl.Grains.Agents;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Common;
using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.ReadModels.Work;

/// <summary>One message to one agent of a board that an event calls for.</summary>
public sealed record Notice(Guid BoardId, AgentRow Agent, AgentMessage Message);

/// <summary>
/// The messages a committed event calls for, composed when they are sent. Board chat:
/// <c>/pause</c> and <c>/resume</c> go verbatim to every agent of the board but the sender; any
/// other chat goes to the lead and the agents it @mentions. Tasks: a new task for the lead (when a
/// user made it), an assignment, a task to review, changes requested, a comment (to the agents it
/// @mentions, else the assignee). Nobody is told about their own doing. Each message's
/// idempotency key follows from its event and agent, so sending it again is not a second message.
/// </summary>
public sealed class AgentNotices(BoardQueries boards, TaskQueries tasks, AgentQueries agents, UserQueries users, AgentOptions options)
{
    private const int MaxSnippet = 800;

    public async Task<IReadOnlyList<Notice>> ForAsync(RecordedEvent recorded, CancellationToken ct) => recorded.Data switch
    {
        BoardMemoryPosted { IsChat: true } posted => await ChatAsync(SubjectOf(recorded), posted, ct),
        TaskCreated created => await CreatedAsync(recorded, created, ct),
        TaskMoved moved => await MovedAsync(recorded, moved, ct),
        TaskCommented comment => await CommentedAsync(recorded, comment, ct),
        _ => [],
    };

    private async Task<IReadOnlyList<Notice>> ChatAsync(Guid boardId, BoardMemoryPosted posted, CancellationToken ct)
    {
        if (await boards.GetAsync(boardId, ct) is not { } board)
            return [];
        var boardAgents = (await AgentsOfAsync(board.Id, ct)).Where(agent => agent.Id != posted.AgentId).ToList();
        if (BoardDecider.ControlCommand(posted.Content) is { } command)
            return [.. boardAgents.Select(agent => new Notice(board.Id, agent, new AgentMessage("board.chat", null, command, $"chat-{posted.MemoryId}-{agent.Id}", Deliver: true)))];

        var sender = await NameOfAsync(posted.AgentId, posted.UserId, ct);
        var handles = Mentions.Extract(posted.Content);
        return [.. boardAgents
            .Select(agent => (Agent: agent, Mentioned: Mentions.Names(handles, agent.Name, agent.IsBoardLead)))
            .Where(target => target.Agent.IsBoardLead || target.Mentioned)
            .Select(target => new Notice(board.Id, target.Agent, new AgentMessage("board.chat", null,
                ComposeChat(target.Mentioned ? "BOARD CHAT MENTION" : "BOARD CHAT", board, sender, posted.Content),
                $"chat-{posted.MemoryId}-{target.Agent.Id}")))];
    }

    private async Task<IReadOnlyList<Notice>> CreatedAsync(RecordedEvent recorded, TaskCreated created, CancellationToken ct)
    {
        if (await boards.GetAsync(created.BoardId, ct) is not { } board)
            return [];
        var targets = new List<(Guid AgentId, string Topic, string Text)>();
        if (created.CreatedByUserId is not null && board.LeadAgentId is { } leadId)
            targets.Add((leadId, "task.lead", ComposeTask("NEW TASK ADDED", board, created.Title, created.TaskId, "Plan it and hand it to a worker.")));
        if (created.AssignedAgentId is { } assigneeId)
            targets.Add((assigneeId, "task.assignee", ComposeTask("TASK ASSIGNED", board, created.Title, created.TaskId, "Start on it and keep its status current.")));
        return await ToAsync(recorded, board, created.TaskId, targets, ct);
    }

    private async Task<IReadOnlyList<Notice>> MovedAsync(RecordedEvent recorded, TaskMoved moved, CancellationToken ct)
    {
        if (moved.AssignedAgentId is not { } assigneeId || assigneeId == moved.PreviousAssignedAgentId
            || await TaskAndBoardAsync(SubjectOf(recorded), ct) is not var (task, board))
            return [];
        var (header, topic, hint) = (moved.PreviousStatus, moved.Status) switch
        {
            (not TaskStatus.Review, TaskStatus.Review) => ("TASK READY FOR LEAD REVIEW", "task.lead", "Review it: mark it done or send it back to the inbox."),
            (TaskStatus.Review, TaskStatus.Inbox) => ("CHANGES REQUESTED", "task.rework", "Read the review comments and rework it."),
            _ => ("TASK ASSIGNED", "task.assignee", "Start on it and keep its status current."),
        };
        return await ToAsync(recorded, board, task.Id, [(assigneeId, topic, ComposeTask(header, board, task.Title, task.Id, hint))], ct);
    }

    private async Task<IReadOnlyList<Notice>> CommentedAsync(RecordedEvent recorded, TaskCommented comment, CancellationToken ct)
    {
        if (await TaskAndBoardAsync(SubjectOf(recorded), ct) is not var (task, board))
            return [];
        var handles = Mentions.Extract(comment.Message);
        // The board's agents are read only when someone is mentioned; otherwise the assignee hears.
        var targets = handles.Count > 0
            ? (await AgentsOfAsync(board.Id, ct)).Where(agent => Mentions.Names(handles, agent.Name, agent.IsBoardLead)).Select(agent => agent.Id).ToList()
            : task.AssignedAgentId is { } assignee ? [assignee] : [];
        var author = await NameOfAsync(comment.AgentId, comment.UserId, ct);
        var text = ComposeTask("TASK COMMENT", board, task.Title, task.Id, $"{author} wrote:\n{Text.Truncate(comment.Message, MaxSnippet)}");
        return await ToAsync(recorded, board, task.Id, targets.Distinct().Select(id => (id, "task.comment", text)).ToList(), ct);
    }

    private async Task<IReadOnlyList<Notice>> ToAsync(
        RecordedEvent recorded, BoardRow board, Guid taskId, List<(Guid AgentId, string Topic, string Text)> targets, CancellationToken ct)
    {
        var actorAgentId = ActorAgentOf(recorded);
        var notices = new List<Notice>();
        foreach (var (agentId, topic, text) in targets.Where(target => target.AgentId != actorAgentId))
        {
            if (await agents.GetAsync(agentId, ct) is { } agent)
                notices.Add(new Notice(board.Id, agent, new AgentMessage(topic, taskId, text, $"{topic}-{taskId}-{recorded.StreamVersion}-{agentId}")));
        }
        return notices;
    }

    private async Task<(TaskRow Task, BoardRow Board)?> TaskAndBoardAsync(Guid taskId, CancellationToken ct) =>
        await tasks.GetAsync(taskId, ct) is { } task && await boards.GetAsync(task.BoardId, ct) is { } board ? (task, board) : null;

    private async Task<IReadOnlyList<AgentRow>> AgentsOfAsync(Guid boardId, CancellationToken ct) =>
        (await agents.ListAsync(new AgentListFilter(BoardId: boardId), PageLimits.MaxLimit, 0, ct)).Items;

    // As chat shows people: an agent by its name, a user by the name they prefer.
    private async Task<string> NameOfAsync(Guid? agentId, Guid? userId, CancellationToken ct)
    {
        if (agentId is { } aid && await agents.GetAsync(aid, ct) is { } agent)
            return agent.Name;
        if (userId is { } uid && await users.GetAsync(uid, ct) is { } user)
            return user.PreferredName ?? user.Name ?? "User";
        return "User";
    }

    /// <summary>The agent whose request appended the event, if an agent's did (stamped <c>agent:&lt;id&gt;</c>).</summary>
    private static Guid? ActorAgentOf(RecordedEvent recorded) =>
        recorded.Metadata.CausedBy is { } causedBy && causedBy.StartsWith("agent:", StringComparison.Ordinal)
        && Guid.TryParse(causedBy.AsSpan("agent:".Length), out var agentId) ? agentId : null;

    /// <summary>The board or task whose stream the event is in (streams are named <c>kind-&lt;id&gt;</c>).</summary>
    private static Guid SubjectOf(RecordedEvent recorded) => Guid.Parse(recorded.StreamId.AsSpan(recorded.StreamId.Length - 36));

    private string ComposeChat(string header, BoardRow board, string sender, string content) =>
        $$"""
        {{header}}
        Board: {{board.Name}}
        From: {{sender}}

        {{Text.Truncate(content.Trim(), MaxSnippet)}}

        Reply in the board chat:
        POST {{options.BaseUrl.TrimEnd('/')}}/api/v1/agent/boards/{{board.Id}}/memory
        Body: {"content": "...", "tags": ["chat"]}
        """;

    private string ComposeTask(string header, BoardRow board, string title, Guid taskId, string body) =>
        $"""
        {header}
        Board: {board.Name}
        Task: {title}
        Task ID: {taskId}

        {body}
        Task API: {options.BaseUrl.TrimEnd('/')}/api/v1/agent/boards/{board.Id}/tasks/{taskId}
        """;
}
