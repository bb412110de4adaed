using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using TaskStatus = MissionControl.Grains.Tasks.TaskStatus;

namespace MissionControl.ReadModels.Work;

/// <summary>
/// Tells agents about task work that concerns them: a new task for the lead, an assignment, a
/// task to review, changes requested, a comment. Best effort through <see cref="AgentMessenger"/>;
/// nobody is told about their own doing.
/// </summary>
public sealed class TaskNotices(AgentQueries agents, AgentMessenger messenger, AgentOptions options)
{
    public async Task CreatedAsync(BoardRow board, WorkActor actor, TaskView task)
    {
        if (actor is WorkActor.User && board.LeadAgentId is { } leadId)
            await SendAsync(board, actor, leadId, "task.lead", task.Id, Compose("NEW TASK ADDED", board, task.Title, task.Id, "Plan it and hand it to a worker."));
        if (task.AssignedAgentId is { } assigneeId)
            await SendAsync(board, actor, assigneeId, "task.assignee", task.Id, Compose("TASK ASSIGNED", board, task.Title, task.Id, "Start on it and keep its status current."));
    }

    public async Task ChangedAsync(BoardRow board, WorkActor actor, TaskRow before, TaskView after)
    {
        if (after.AssignedAgentId is not { } assigneeId || assigneeId == before.AssignedAgentId)
            return;
        var (header, topic, hint) = (before.Status, after.Status) switch
        {
            (not TaskStatus.Review, TaskStatus.Review) => ("TASK READY FOR LEAD REVIEW", "task.lead", "Review it: mark it done or send it back to the inbox."),
            (TaskStatus.Review, TaskStatus.Inbox) => ("CHANGES REQUESTED", "task.rework", "Read the review comments and rework it."),
            _ => ("TASK ASSIGNED", "task.assignee", "Start on it and keep its status current."),
        };
        await SendAsync(board, actor, assigneeId, topic, after.Id, Compose(header, board, after.Title, after.Id, hint));
    }

    public async Task CommentedAsync(BoardRow board, WorkActor actor, TaskRow task, TaskCommentView comment)
    {
        var handles = Mentions.Extract(comment.Message);
        // The board's agents are read only when someone is mentioned; otherwise the assignee hears.
        var targets = handles.Count > 0
            ? (await agents.ListAsync(new AgentListFilter(BoardId: board.Id), PageLimits.MaxLimit, 0)).Items
                .Where(agent => Mentions.Names(handles, agent.Name, agent.IsBoardLead)).Select(agent => agent.Id)
            : task.AssignedAgentId is { } assignee ? [assignee] : [];
        var text = Compose("TASK COMMENT", board, task.Title, task.Id, $"{actor.DisplayName} wrote:\n{Text.Truncate(comment.Message, 800)}");
        // Side by side, as board chat: a slow gateway holds the comment up once, not once per agent.
        await Task.WhenAll(targets.Distinct()
            .Select(target => SendAsync(board, actor, target, "task.comment", task.Id, text, $"comment-{comment.Id}-{target}")));
    }

    private string Compose(string header, BoardRow board, string title, Guid taskId, string body) =>
        $"""
        {header}
        Board: {board.Name}
        Task: {title}
        Task ID: {taskId}

        {body}
        Task API: {options.BaseUrl.TrimEnd('/')}/api/v1/agent/boards/{board.Id}/tasks/{taskId}
        """;

    private async Task SendAsync(BoardRow board, WorkActor actor, Guid agentId, string topic, Guid taskId, string text, string? key = null)
    {
        if (agentId == actor.AgentId || await agents.GetAsync(agentId) is not { } agent)
            return;
        await messenger.SendAsync(board.Id, agent, new AgentMessage(topic, taskId, text, key ?? $"{topic}-{taskId}-{Guid.NewGuid():N}"));
    }
}
