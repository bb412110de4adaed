using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Tasks.Events;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

/// <summary>Dependencies, activity and board memory as projected from real events.</summary>
public sealed class BoardWorkReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private TaskDependencyQueries Dependencies => fixture.Get<TaskDependencyQueries>();

    private ActivityQueries Activity => fixture.Get<ActivityQueries>();

    [Fact]
    public async Task Given_a_task_waiting_for_an_open_and_a_done_task_When_read_Then_both_are_dependencies_and_only_the_open_one_blocks()
    {
        var boardId = Guid.NewGuid();
        var (open, done, waiting) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(TaskStream(open), 0, Task(open, boardId));
        await fixture.AppendAsync(TaskStream(done), 0, Task(done, boardId, "done"));
        await fixture.AppendAsync(TaskStream(waiting), 0, Task(waiting, boardId), new TaskDependenciesChanged([done, open], At(1)));

        var dependencies = await Dependencies.OfTaskAsync(waiting);
        var graph = await Dependencies.GraphAsync(boardId);

        Assert.Equal([done, open], dependencies.DependsOn);
        Assert.Equal([open], dependencies.BlockedBy);
        Assert.Equal([done, open], graph.Tasks[waiting].DependsOn);
        Assert.Equal([waiting], await Dependencies.DependentsOfAsync(open));
    }

    [Fact]
    public async Task Given_a_dependency_with_activity_When_it_is_deleted_Then_its_links_both_ways_and_its_activity_go_and_the_task_is_hidden()
    {
        var boardId = Guid.NewGuid();
        var (first, middle, last) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(TaskStream(first), 0, Task(first, boardId));
        await fixture.AppendAsync(TaskStream(middle), 0, Task(middle, boardId), new TaskDependenciesChanged([first], At(1)),
            new TaskCommented(Guid.NewGuid(), "noted", Guid.NewGuid(), null, At(2)));
        await fixture.AppendAsync(TaskStream(last), 0, Task(last, boardId), new TaskDependenciesChanged([middle], At(1)));

        await fixture.AppendAsync(TaskStream(middle), 3, new TaskDeleted(At(3)));

        Assert.Null(await fixture.Get<TaskQueries>().GetAsync(middle));
        Assert.Empty((await Dependencies.OfTaskAsync(last)).DependsOn);
        Assert.Empty(await Dependencies.DependentsOfAsync(first));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("select count(*) from activity_events where task_id = $1", middle));
        Assert.False((await Dependencies.GraphAsync(boardId)).Tasks.ContainsKey(middle));
    }

    [Fact]
    public async Task Given_task_events_When_projected_Then_activity_names_the_change_its_actor_and_comments_keep_their_text()
    {
        var (boardId, taskId, agentId, commentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Store.AppendAsync(TaskStream(taskId), 0,
            [Task(taskId, boardId), new TaskMoved("in_progress", agentId, At(1), null, null, At(1)) { PreviousStatus = "inbox" }],
            new EventMetadata($"agent:{agentId}", null));
        await fixture.AppendAsync(TaskStream(taskId), 2, new TaskCommented(commentId, "Started; see the draft.", agentId, null, At(2)));

        var feed = await Activity.OfBoardsAsync([boardId], 10, 0);
        var comments = await Activity.CommentsAsync(taskId, 10, 0);

        Assert.Equal(["task.comment", "task.status_changed", "task.created"], feed.Items.Select(row => row.EventType));
        Assert.Equal($"Task moved to in_progress: task {taskId:N}.", feed.Items[1].Message);
        Assert.Equal(agentId, feed.Items[1].AgentId);
        var comment = Assert.Single(comments.Items);
        Assert.Equal((commentId, "Started; see the draft.", (Guid?)agentId), (comment.Id, comment.Message, comment.AgentId));
        Assert.True(await Activity.HasCommentByAsync(taskId, agentId, At(1)));
        Assert.False(await Activity.HasCommentByAsync(taskId, agentId, At(3)));
    }

    [Fact]
    public async Task Given_an_agent_When_it_heartbeats_and_then_goes_offline_Then_only_the_offline_event_is_activity()
    {
        var (gatewayId, boardId, agentId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(AgentStream(agentId), 0, Agent(agentId, gatewayId, boardId, "Walker"));

        await fixture.AppendAsync(AgentStream(agentId), 1, new AgentHeartbeatRecorded("online", At(1)), new AgentHeartbeatRecorded("online", At(2)));
        await fixture.AppendAsync(AgentStream(agentId), 3, new AgentWentOffline(At(2), "silent", At(3)));

        var feed = await Activity.OfAgentAsync(agentId, 10, 0);
        var row = Assert.Single(feed.Items);
        Assert.Equal(("agent.offline", "Agent Walker went offline: silent", (Guid?)boardId), (row.EventType, row.Message, row.BoardId));
    }

    [Fact]
    public async Task Given_a_board_When_chat_and_a_note_are_posted_Then_memory_lists_them_newest_first_and_the_board_keeps_its_updated_at()
    {
        var (orgId, gatewayId, boardId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(BoardStream(boardId), 0, Board(boardId, orgId, gatewayId));
        var (note, chat) = (Guid.NewGuid(), Guid.NewGuid());

        await fixture.AppendAsync(BoardStream(boardId), 1,
            new BoardMemoryPosted(note, "Ship Friday", ["decision"], false, null, null, Guid.NewGuid(), At(5)),
            new BoardMemoryPosted(chat, "hello", ["chat"], true, "Sam", null, Guid.NewGuid(), At(6)));

        var memory = fixture.Get<BoardMemoryQueries>();
        Assert.Equal([chat, note], (await memory.ListAsync(boardId, null, 10, 0)).Items.Select(row => row.Id));
        Assert.Equal([chat], (await memory.ListAsync(boardId, true, 10, 0)).Items.Select(row => row.Id));
        Assert.Equal(["decision"], (await memory.ListAsync(boardId, false, 10, 0)).Items[0].Tags);
        Assert.Equal([chat], (await memory.LatestChatAsync(boardId, 200)).Select(row => row.Id));
        var board = await fixture.Get<BoardQueries>().GetAsync(boardId);
        Assert.Equal(At(0), board!.UpdatedAt);
        Assert.Equal(3L, await fixture.ScalarAsync<long>("select version from boards where id = $1", boardId));
        Assert.Equal(["board.chat", "board.memory"], (await Activity.OfBoardsAsync([boardId], 10, 0)).Items.Select(row => row.EventType));
    }
}
