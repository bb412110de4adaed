using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.Api.Tests.Tasks;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.OpenClaw;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Memory;

/// <summary>Board memory and chat: storing, listing, fan-out to agents, pause and resume, and a gateway that fails.</summary>
public sealed class BoardMemoryApiTests(BoardWorkWorld scene) : IClassFixture<BoardWorkWorld>
{
    private string Memory => $"/api/v1/boards/{scene.BoardId}/memory";

    [Fact]
    public async Task Given_a_note_and_chat_When_listed_Then_newest_first_filtered_by_is_chat_and_chat_source_defaults_to_the_sender()
    {
        using var owner = scene.Client(scene.Owner);
        var marker = Guid.NewGuid().ToString("N");

        var note = await owner.PostAsJsonAsync(Memory, new { content = $"note {marker}", tags = new[] { "decision" } });
        var chat = await owner.PostAsJsonAsync(Memory, new { content = $"chat {marker}", tags = new[] { "chat" } });
        var all = await (await owner.GetAsync(Memory)).JsonAsync();
        var chats = await (await owner.GetAsync($"{Memory}?is_chat=true")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.False((await note.JsonAsync()).GetProperty("is_chat").GetBoolean());
        var posted = await chat.JsonAsync();
        Assert.True(posted.GetProperty("is_chat").GetBoolean());
        Assert.Equal("Owner", posted.Str("source")); // the name the owner registered with
        var mine = all.GetProperty("items").EnumerateArray().Where(m => m.Str("content").EndsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"chat {marker}", $"note {marker}"], mine.Select(m => m.Str("content")));
        Assert.All(chats.GetProperty("items").EnumerateArray(), m => Assert.True(m.GetProperty("is_chat").GetBoolean()));
    }

    [Fact]
    public async Task Given_a_chat_message_mentioning_a_worker_When_posted_Then_the_lead_gets_BOARD_CHAT_the_worker_a_mention_and_others_nothing()
    {
        using var owner = scene.Client(scene.Owner);
        var marker = Guid.NewGuid().ToString("N");

        var response = await owner.PostAsJsonAsync(Memory, new { content = $"@walker can you check {marker}?", tags = new[] { "chat" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("BOARD CHAT\n", Assert.Single(await scene.ChatsToAsync(scene.Lead, marker)));
        var mention = Assert.Single(await scene.ChatsToAsync(scene.Worker, marker));
        Assert.StartsWith("BOARD CHAT MENTION", mention);
        Assert.Contains($"/api/v1/agent/boards/{scene.BoardId}/memory", mention);
        Assert.Empty(await scene.ChatsToAsync(scene.SecondWorker, marker));
        Assert.Empty(await scene.ChatsToAsync(scene.OtherLead, marker));
    }

    [Fact]
    public async Task Given_a_worker_When_it_chats_pause_and_resume_Then_every_other_board_agent_gets_them_verbatim_and_the_board_pauses_and_resumes()
    {
        using var worker = scene.Client(scene.Worker);
        var before = scene.World.Gateway.State.Chats.Count;

        var pause = await worker.PostAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/memory", new { content = "/PAUSE", tags = new[] { "chat" } });
        var paused = await scene.Get<BoardQueries>().GetAsync(scene.BoardId);
        var resume = await worker.PostAsJsonAsync($"/api/v1/agent/boards/{scene.BoardId}/memory", new { content = "/resume", tags = new[] { "chat" } });

        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.True(paused!.IsPaused);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.False((await scene.Get<BoardQueries>().GetAsync(scene.BoardId))!.IsPaused);
        await scene.World.NoticesSentAsync();
        var sent = scene.World.Gateway.State.Chats.Skip(before).ToList();
        foreach (var agent in new[] { scene.Lead, scene.SecondWorker })
        {
            var session = await scene.SessionOfAsync(agent);
            Assert.Equal(["/pause", "/resume"], sent.Where(c => c.SessionKey == session).Select(c => c.Message));
        }

        Assert.DoesNotContain(sent, c => c.SessionKey == "agent:mc-" + scene.Worker.Id + ":main");
    }

    [Fact]
    public async Task Given_a_mentioned_agent_the_gateway_no_longer_knows_When_chat_is_posted_Then_the_post_is_kept_and_the_failure_is_activity()
    {
        var board = await scene.World.NewBoardAsync(scene.Org, scene.GatewayId, "Doomed", new WorkflowRules(MaxAgents: 5));
        var ghost = await scene.World.NewAgentAsync(board, "Ghost");
        var control = scene.Get<GatewayClientPool>().ControlPlane(FastClientSettings.Options(scene.World.Gateway));
        await control.DeleteAgentAsync($"mc-{ghost.Id}");
        using var owner = scene.Client(scene.Owner);

        var response = await owner.PostAsJsonAsync($"/api/v1/boards/{board}/memory", new { content = "@ghost are you there?", tags = new[] { "chat" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await scene.Get<BoardMemoryQueries>().ListAsync(board, true, 10, 0);
        Assert.Equal("@ghost are you there?", Assert.Single(stored.Items).Content);
        await scene.World.NoticesSentAsync();
        var activity = await scene.Get<ActivityQueries>().OfBoardsAsync([board], 10, 0);
        var failure = Assert.Single(activity.Items, row => row.EventType == "board.chat_notify_failed");
        Assert.Equal(ghost.Id, failure.AgentId);
    }

    [Fact]
    public async Task Given_a_gateway_that_holds_every_chat_When_chat_is_posted_Then_the_post_answers_before_any_message_is_sent_and_the_lead_gets_it_once_released()
    {
        using var owner = scene.Client(scene.Owner);
        var marker = Guid.NewGuid().ToString("N");
        var failuresBefore = await NotifyFailuresAsync();
        scene.World.Gateway.Faults.Hold("chat.send");
        HttpResponseMessage response;
        IReadOnlyList<FakeChat> sentWhileHeld;
        try
        {
            response = await owner.PostAsJsonAsync(Memory, new { content = $"status please {marker}", tags = new[] { "chat" } });
            sentWhileHeld = [.. scene.World.Gateway.State.Chats.Where(chat => chat.Message.Contains(marker, StringComparison.Ordinal))];
        }
        finally
        {
            scene.World.Gateway.Faults.Release("chat.send");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(sentWhileHeld);
        Assert.Single(await scene.ChatsToAsync(scene.Lead, marker));
        // Had the request itself waited for the gateway, it would have given up and recorded a failure.
        Assert.Equal(failuresBefore, await NotifyFailuresAsync());
    }

    private async Task<int> NotifyFailuresAsync() =>
        (await scene.Get<ActivityQueries>().OfBoardsAsync([scene.BoardId], 200, 0)).Items.Count(row => row.EventType == "board.chat_notify_failed");

    [Fact]
    public async Task Given_a_slow_gateway_When_chat_mentions_several_agents_Then_their_messages_go_out_side_by_side_and_all_arrive()
    {
        using var owner = scene.Client(scene.Owner);
        var marker = Guid.NewGuid().ToString("N");
        // Each reply waits long enough that messages sent one after another could never overlap.
        scene.World.Gateway.Faults.DelayReplies("chat.send", TimeSpan.FromSeconds(3), times: 3);
        scene.World.Gateway.ResetPeaks();

        var response = await owner.PostAsJsonAsync(Memory, new { content = $"@walker @rita look at {marker}", tags = new[] { "chat" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await scene.World.NoticesSentAsync();
        // One after another, no more than one would ever wait at once (two, were a wake-up to overlap).
        Assert.True(scene.World.Gateway.PeakInFlight("chat.send") >= 3, $"peak {scene.World.Gateway.PeakInFlight("chat.send")}");
        foreach (var agent in new[] { scene.Lead, scene.Worker, scene.SecondWorker })
            Assert.Single(await scene.ChatsToAsync(agent, marker));
    }

    [Fact]
    public async Task Given_a_reader_When_they_post_Then_403_and_nothing_is_stored_while_they_can_still_read()
    {
        using var reader = scene.Client(scene.Reader);
        var marker = Guid.NewGuid().ToString("N");

        var post = await reader.PostAsJsonAsync(Memory, new { content = marker });
        var list = await reader.GetAsync(Memory);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain((await list.JsonAsync()).GetProperty("items").EnumerateArray(), m => m.Str("content") == marker);
    }
}
