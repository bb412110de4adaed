using System.Net;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Inbox;

/// <summary>Two agents talking through <c>/api/gateway/*</c> over real PostgreSQL, as their skill tells them to.</summary>
public sealed class InboxApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_two_agents_When_one_writes_the_other_polls_and_reports_Then_the_answer_reaches_the_writer_once_and_operators_see_it()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var alice = await world.NewAgentAsync(boardId, "Alice");
        var bob = await world.NewAgentAsync(boardId, "Bob");
        using var admin = world.ClientFor(organization.Owner);
        using var aliceClient = world.AnonymousClient().WithKey(await admin.IssuedKeyAsync(alice.Id));
        using var bobClient = world.AnonymousClient().WithKey(bob.Token);

        var sent = await aliceClient.SendAsync("Bob", "Is the build green?");
        var bobsPoll = await (await bobClient.PollAsync()).JsonAsync();
        var message = Assert.Single(bobsPoll.GetProperty("messages").EnumerateArray());
        var messageId = message.GetProperty("id").GetString()!;
        var report = await bobClient.ReportAsync(messageId, "Yes, all green.");
        var repeat = await bobClient.ReportAsync(messageId, "Yes, all green.");
        var mismatch = await bobClient.ReportAsync(messageId, "No, red.");
        var alicesPoll = await aliceClient.PollAsync();
        var listing = await admin.GetAsync($"/api/v1/agents/{bob.Id}/inbox?status=completed");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var accepted = await sent.JsonAsync();
        Assert.Equal(("accepted", "Bob", bob.Id.ToString()), (accepted.GetProperty("status").GetString(), accepted.GetProperty("target").GetString(), accepted.GetProperty("target_id").GetString()));
        Assert.Equal("Alice", message.GetProperty("sender_agent_name").GetString());
        Assert.Equal(JsonValueKind.Null, message.GetProperty("sender_user_id").ValueKind);
        Assert.Equal(1, message.GetProperty("attempt").GetInt32());
        var relationships = bobsPoll.GetProperty("relationships").EnumerateArray().ToList();
        Assert.Contains(relationships, r => r.GetProperty("name").GetString() == "Alice" && r.GetProperty("type").GetString() == "agent");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (report.StatusCode, repeat.StatusCode));
        Assert.Equal("ok", (await report.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, mismatch.StatusCode);
        Assert.Equal("gateway_result_mismatch", (await mismatch.JsonAsync()).GetProperty("detail").GetProperty("code").GetString());
        var reply = Assert.Single(await alicesPoll.MessagesAsync());
        Assert.Equal(("Bob", "Yes, all green."), (reply.GetProperty("sender_agent_name").GetString(), reply.GetProperty("content").GetString()));
        Assert.Equal(message.GetProperty("conversation_id").GetString(), reply.GetProperty("conversation_id").GetString());
        var listed = Assert.Single((await listing.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal((messageId, "completed", 1, "Yes, all green."),
            (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("attempts").GetInt32(), listed.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Send_message_refuses_empty_ambiguous_personal_and_foreign_targets_with_clear_statuses()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var sender = await world.NewAgentAsync(await world.NewBoardAsync(organization, gatewayId, "One"), "Sender");
        var twinA = await world.NewAgentAsync(await world.NewBoardAsync(organization, gatewayId, "Two"), "Twin");
        var twinB = await world.NewAgentAsync(await world.NewBoardAsync(organization, gatewayId, "Three"), "Twin");
        var elsewhere = await world.NewOrganizationAsync("Elsewhere");
        var foreign = await world.NewAgentAsync(await world.NewBoardAsync(elsewhere), "Foreigner");
        using var client = world.AnonymousClient().WithKey(sender.Token);

        var empty = await client.SendAsync("", "hi");
        var ambiguous = await client.SendAsync("Twin", "hi");
        var person = await client.SendAsync("Twin", "hi", channel: "email");
        var foreignById = await client.SendAsync(foreign.Id.ToString(), "hi");
        var foreignByName = await client.SendAsync("Foreigner", "hi");
        var noContent = await client.PostAsync("/api/gateway/send-message", Responses.Json("""{"target":"Twin"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        var detail = (await ambiguous.JsonAsync()).GetProperty("detail");
        Assert.Equal("gateway_target_ambiguous", detail.GetProperty("code").GetString());
        Assert.Equal(new[] { twinA.Id, twinB.Id }.Order(), detail.GetProperty("candidates").EnumerateArray().Select(c => c.GetGuid()).Order());
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode);
        Assert.Contains("agents", await person.DetailAsync());
        Assert.Equal(HttpStatusCode.NotFound, foreignById.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignByName.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noContent.StatusCode);
        Assert.Empty(await (await world.AnonymousClient().WithKey(twinA.Token).PollAsync()).MessagesAsync());
        Assert.Empty(await (await world.AnonymousClient().WithKey(foreign.Token).PollAsync()).MessagesAsync());
    }

    [Fact]
    public async Task A_report_of_another_agents_message_answers_404_and_leaves_it_open()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var writer = await world.NewAgentAsync(boardId, "Writer");
        var reader = await world.NewAgentAsync(boardId, "Reader");
        var intruder = await world.NewAgentAsync(boardId, "Intruder");
        await world.AnonymousClient().WithKey(writer.Token).SendAsync("Reader", "for your eyes");
        var message = Assert.Single(await (await world.AnonymousClient().WithKey(reader.Token).PollAsync()).MessagesAsync());

        var response = await world.AnonymousClient().WithKey(intruder.Token).ReportAsync(message.GetProperty("id").GetString()!, "taken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Message not found", await response.DetailAsync());
        var listing = await world.ClientFor(organization.Owner).GetAsync($"/api/v1/agents/{reader.Id}/inbox");
        Assert.Equal("delivered", Assert.Single((await listing.JsonAsync()).GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_setup_guide_is_the_callers_own_built_from_base_url_and_never_echoes_the_key()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        var agent = await world.NewAgentAsync(boardId, "Learner");
        var other = await world.NewAgentAsync(boardId, "Other");
        var key = await world.ClientFor(organization.Owner).IssuedKeyAsync(agent.Id);
        using var client = world.AnonymousClient().WithKey(key);

        var own = await client.GetAsync($"/api/gateway/setup-guide/{agent.Id}");
        var someoneElses = await client.GetAsync($"/api/gateway/setup-guide/{other.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var guide = await own.JsonAsync();
        var skill = guide.GetProperty("skill_content").GetString()!;
        Assert.Equal("mission_control_inbox.md", guide.GetProperty("skill_filename").GetString());
        Assert.Contains("http://127.0.0.1:8000/api/gateway/poll", skill);
        Assert.Contains("/api/gateway/report", skill);
        Assert.Contains("/api/gateway/send-message", skill);
        Assert.DoesNotContain(key, skill);
        Assert.DoesNotContain("{{", skill);
        Assert.Contains("mission_control_inbox", guide.GetProperty("heartbeat_addition").GetString());
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
    }

    [Fact]
    public async Task The_operator_listing_refuses_an_unknown_status_filter()
    {
        var organization = await world.NewOrganizationAsync();
        var agent = await world.NewAgentAsync(await world.NewBoardAsync(organization));

        var response = await world.ClientFor(organization.Owner).GetAsync($"/api/v1/agents/{agent.Id}/inbox?status=lost");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
