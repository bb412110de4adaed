using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Tasks;

/// <summary>
/// A <see cref="World"/> with one scene for the board-work tests: organization A with a gateway,
/// board A1 (lead and two workers) and board A2 (lead and a worker); members of A with no grant,
/// a read grant and a write grant on A1, and an admin; organization B with its own board and
/// worker. Tests add their own tasks and messages, so they stay independent.
/// </summary>
public sealed class BoardWorkWorld : IAsyncLifetime
{
    public World World { get; } = new();

    public TestOrganization Org { get; private set; } = null!;
    public TestOrganization OtherOrg { get; private set; } = null!;
    public Guid GatewayId { get; private set; }
    public Guid BoardId { get; private set; }
    public Guid SecondBoardId { get; private set; }
    public Guid ForeignBoardId { get; private set; }
    public TestAgent Lead { get; private set; } = null!;
    public TestAgent Worker { get; private set; } = null!;
    public TestAgent SecondWorker { get; private set; } = null!;
    public TestAgent OtherLead { get; private set; } = null!;
    public TestAgent OtherWorker { get; private set; } = null!;
    public TestAgent GatewayMain { get; private set; } = null!;
    public TestAgent ForeignWorker { get; private set; } = null!;
    public TestUser Admin { get; private set; } = null!;
    public TestUser NoGrant { get; private set; } = null!;
    public TestUser Reader { get; private set; } = null!;
    public TestUser Writer { get; private set; } = null!;

    public TestUser Owner => Org.Owner;
    public TestUser Outsider => OtherOrg.Owner;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var rules = new WorkflowRules(MaxAgents: 5);
        Org = await World.NewOrganizationAsync("Acme");
        GatewayId = await World.NewGatewayAsync(Org);
        BoardId = await World.NewBoardAsync(Org, GatewayId, "Launch", rules);
        SecondBoardId = await World.NewBoardAsync(Org, GatewayId, "Research", rules);
        Lead = await World.NewAgentAsync(BoardId, lead: true);
        Worker = await World.NewAgentAsync(BoardId, "Walker");
        SecondWorker = await World.NewAgentAsync(BoardId, "Rita");
        OtherLead = await World.NewAgentAsync(SecondBoardId, lead: true);
        OtherWorker = await World.NewAgentAsync(SecondBoardId, "Otto");
        GatewayMain = await World.GatewayMainAsync(GatewayId);
        Admin = await World.AddMemberAsync(Org, "admin", new MemberAccess(true, true, new Dictionary<Guid, BoardPermission>()));
        NoGrant = await World.AddMemberAsync(Org, "member");
        Reader = await World.AddMemberAsync(Org, "member", Grant(BoardId, write: false));
        Writer = await World.AddMemberAsync(Org, "member", Grant(BoardId, write: true));
        OtherOrg = await World.NewOrganizationAsync("Globex");
        ForeignBoardId = await World.NewBoardAsync(OtherOrg, rules: rules);
        ForeignWorker = await World.NewAgentAsync(ForeignBoardId, "Fritz");
    }

    public Task DisposeAsync() => World.DisposeAsync();

    public T Get<T>() where T : notnull => World.Services.GetRequiredService<T>();

    public HttpClient Client(TestUser user) => World.ClientFor(user);

    public HttpClient Client(TestAgent agent) => World.ClientFor(agent);

    /// <summary>The session key chat messages to the agent go to.</summary>
    public async Task<string> SessionOfAsync(TestAgent agent) => (await Get<AgentQueries>().GetAsync(agent.Id))!.SessionKey;

    /// <summary>
    /// Chat messages the fake gateway admitted for the agent, containing <paramref name="marker"/>,
    /// once every message committed work called for has been sent.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChatsToAsync(TestAgent agent, string marker)
    {
        await World.NoticesSentAsync();
        var session = await SessionOfAsync(agent);
        return [.. World.Gateway.State.Chats.Where(chat => chat.SessionKey == session && chat.Message.Contains(marker, StringComparison.Ordinal))
            .Select(chat => chat.Message)];
    }

    /// <summary>Creates a task on A1 as the owner and returns its JSON.</summary>
    public async Task<JsonElement> NewTaskAsync(object? body = null, Guid? boardId = null)
    {
        using var client = Client(Owner);
        var response = await client.PostAsJsonAsync($"/api/v1/boards/{boardId ?? BoardId}/tasks", body ?? new { title = $"Task {Guid.NewGuid():N}" });
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }

    private static MemberAccess Grant(Guid boardId, bool write) =>
        new(false, false, new Dictionary<Guid, BoardPermission> { [boardId] = new(true, write) });
}

internal static class TaskJson
{
    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static Guid? GuidOrNull(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetGuid();

    public static List<Guid> Ids(this JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetGuid())];
}
