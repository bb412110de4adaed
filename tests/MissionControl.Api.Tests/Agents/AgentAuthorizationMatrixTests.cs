using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Organizations;

namespace MissionControl.Api.Tests.Agents;

/// <summary>
/// Who may do what with agents. Users: role (owner, admin, member) × organization (the agent's,
/// another) × grant on the agent's board (none, read, write). Agents: role (lead, worker,
/// gateway-main) × board (their own, another of the organization, one of another organization).
/// Every cell is tried on every route; forbidden cells must be refused with the exact status
/// and change nothing.
/// </summary>
public sealed class AgentAuthorizationMatrixTests(World world) : IClassFixture<World>
{
    private enum Grant { None, Read, Write }

    private sealed record UserCell(string Role, bool OwnOrganization, Grant Grant, TestUser User)
    {
        public bool IsAdmin => Role is "owner" or "admin";

        // Admin first (403), then the organization (404), then the board grant (403).
        public HttpStatusCode Expected(Grant needed) =>
            !IsAdmin ? HttpStatusCode.Forbidden
            : !OwnOrganization ? HttpStatusCode.NotFound
            : Grant >= needed ? HttpStatusCode.OK
            : HttpStatusCode.Forbidden;

        public override string ToString() => $"{Role}/{(OwnOrganization ? "own org" : "other org")}/{Grant}";
    }

    [Fact]
    public async Task Given_every_user_cell_When_it_calls_every_operator_agent_route_Then_only_admins_with_the_needed_grant_in_the_organization_succeed()
    {
        var scene = await AgentScene.CreateAsync(world, maxAgents: 50);
        var other = await world.NewOrganizationAsync("Other");
        var cells = await UserCellsAsync(scene, other);
        var failures = new List<string>();
        var target = scene.Worker.Id;
        var versionBefore = (await scene.Grain(target).Get())!.Version;
        var index = 0;

        foreach (var cell in cells)
        {
            using var client = world.ClientFor(cell.User);
            var read = cell.Expected(Grant.Read);
            var write = cell.Expected(Grant.Write);
            var throwaway = write == HttpStatusCode.OK ? await ThrowawayAsync(scene, $"Spare {index++}") : target;
            await Expect(failures, cell, "GET /agents/{id}", read, client.GetAsync($"/api/v1/agents/{target}"));
            await Expect(failures, cell, "GET /agents?board_id", read, client.GetAsync($"/api/v1/agents?board_id={scene.BoardId}"));
            await Expect(failures, cell, "GET /agents/stream?board_id", read, OpenStreamAsync(client, scene.BoardId));
            await Expect(failures, cell, "PATCH /agents/{id}", write, client.PatchAsJsonAsync($"/api/v1/agents/{target}", new { }));
            await Expect(failures, cell, "POST /agents/{id}/heartbeat", write, client.PostAsJsonAsync($"/api/v1/agents/{target}/heartbeat", new { }));
            await Expect(failures, cell, "POST /agents/heartbeat", write,
                client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Walker", board_id = scene.BoardId }));
            await Expect(failures, cell, "POST /agents", write,
                client.PostAsJsonAsync("/api/v1/agents", new { name = $"Made by {index++}", board_id = scene.BoardId }));
            await Expect(failures, cell, "DELETE /agents/{id}", write, client.DeleteAsync($"/api/v1/agents/{throwaway}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotNull(await scene.Grain(target).Get());
        var writers = cells.Count(cell => cell.Expected(Grant.Write) == HttpStatusCode.OK);
        Assert.Equal(2, writers);
        Assert.True((await scene.Grain(target).Get())!.Version > versionBefore);
    }

    [Fact]
    public async Task Given_only_forbidden_user_cells_When_they_write_Then_the_agent_and_the_board_are_untouched()
    {
        var scene = await AgentScene.CreateAsync(world, maxAgents: 50);
        var other = await world.NewOrganizationAsync("Other");
        var forbidden = (await UserCellsAsync(scene, other)).Where(cell => cell.Expected(Grant.Write) != HttpStatusCode.OK).ToList();
        var version = (await scene.Grain(scene.Worker.Id).Get())!.Version;
        var agents = (await scene.AgentsAsync()).Count;

        foreach (var cell in forbidden)
        {
            using var client = world.ClientFor(cell.User);
            await client.PatchAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}", new { name = "Hijacked" });
            await client.PostAsJsonAsync($"/api/v1/agents/{scene.Worker.Id}/heartbeat", new { status = "hijacked" });
            await client.PostAsJsonAsync("/api/v1/agents/heartbeat", new { name = "Walker", board_id = scene.BoardId });
            await client.PostAsJsonAsync("/api/v1/agents", new { name = "Intruder", board_id = scene.BoardId });
            await client.DeleteAsync($"/api/v1/agents/{scene.Worker.Id}");
        }

        Assert.Equal(version, (await scene.Grain(scene.Worker.Id).Get())!.Version);
        Assert.Equal(agents, (await scene.AgentsAsync()).Count);
    }

    private enum Where { OwnBoard, OtherBoard, OtherOrganization }

    [Fact]
    public async Task Given_every_agent_cell_When_it_calls_every_agent_route_Then_board_agents_stay_on_their_board_and_only_leads_manage_it()
    {
        var scene = await AgentScene.CreateAsync(world, maxAgents: 50);
        var otherBoard = await world.NewBoardAsync(scene.Organization, scene.GatewayId, "Neighbour");
        var neighbour = await world.NewAgentAsync(otherBoard, "Neighbour worker");
        var foreign = await AgentScene.CreateAsync(world);
        var soulTarget = await world.NewAgentAsync(scene.BoardId, "Soul target");
        var deleteTarget = await world.NewAgentAsync(scene.BoardId, "Delete target");
        var boards = new Dictionary<Where, (Guid Board, Guid Worker)>
        {
            [Where.OwnBoard] = (scene.BoardId, scene.Worker.Id),
            [Where.OtherBoard] = (otherBoard, neighbour.Id),
            [Where.OtherOrganization] = (foreign.BoardId, foreign.Worker.Id),
        };
        var untouched = new[] { neighbour.Id, foreign.Worker.Id };
        var versions = await VersionsAsync(scene, untouched);
        var callers = new Dictionary<string, TestAgent> { ["lead"] = scene.Lead, ["worker"] = scene.Worker, ["main"] = scene.Main };
        var failures = new List<string>();

        foreach (var (role, caller) in callers)
        foreach (var (where, (board, worker)) in boards)
        {
            using var client = world.ClientFor(caller);
            var cell = $"{role}/{where}";
            var lead = role == "lead" && where == Where.OwnBoard;
            var boardRead = BoardRead(role, where);
            var leadOnly = lead ? HttpStatusCode.OK : role == "main" && where == Where.OtherOrganization ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
            var self = caller.Id == worker ? HttpStatusCode.OK : leadOnly;
            var root = $"/api/v1/agent/boards/{board}/agents";
            await Expect(failures, cell, "GET /agent/boards/{b}", boardRead, client.GetAsync($"/api/v1/agent/boards/{board}"));
            await Expect(failures, cell, "GET /agent/agents?board_id", boardRead, client.GetAsync($"/api/v1/agent/agents?board_id={board}"));
            await Expect(failures, cell, "POST nudge", leadOnly, client.PostAsJsonAsync($"{root}/{worker}/nudge", new { message = "hello" }));
            await Expect(failures, cell, "GET soul", self, client.GetAsync($"{root}/{worker}/soul"));
            await Expect(failures, cell, "PUT soul", leadOnly,
                client.PutAsJsonAsync($"{root}/{(lead ? soulTarget.Id : worker)}/soul", new { content = "# Calm" }));
            await Expect(failures, cell, "DELETE agent", leadOnly, client.DeleteAsync($"{root}/{(lead ? deleteTarget.Id : worker)}"));
            await Expect(failures, cell, "POST /agent/agents", role == "lead" && where == Where.OwnBoard ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
                client.PostAsJsonAsync("/api/v1/agent/agents", new { name = $"{role} {where}", board_id = board }));
            await Expect(failures, cell, "POST /agents/{id}/heartbeat", caller.Id == worker ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
                client.PostAsJsonAsync($"/api/v1/agents/{worker}/heartbeat", new { }));
            await Expect(failures, cell, "GET /agents/{id} (users only)", HttpStatusCode.Unauthorized, client.GetAsync($"/api/v1/agents/{worker}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(versions, await VersionsAsync(scene, untouched));
    }

    // Board agents read their own board only (403 elsewhere); the main agent its organization's boards (404 outside).
    private static HttpStatusCode BoardRead(string role, Where where) => (role, where) switch
    {
        (_, Where.OwnBoard) => HttpStatusCode.OK,
        ("main", Where.OtherBoard) => HttpStatusCode.OK,
        ("main", Where.OtherOrganization) => HttpStatusCode.NotFound,
        _ => HttpStatusCode.Forbidden,
    };

    private async Task<List<UserCell>> UserCellsAsync(AgentScene scene, TestOrganization other)
    {
        var cells = new List<UserCell>();
        foreach (var role in new[] { "owner", "admin", "member" })
        foreach (var grant in Enum.GetValues<Grant>())
        {
            cells.Add(new UserCell(role, true, grant, await world.AddMemberAsync(scene.Organization, role, OwnAccess(scene.BoardId, grant))));
            cells.Add(new UserCell(role, false, grant, await world.AddMemberAsync(other, role, AllBoards(grant))));
        }

        return cells;
    }

    private static MemberAccess OwnAccess(Guid boardId, Grant grant) => grant == Grant.None
        ? MemberAccess.None
        : new MemberAccess(false, false, new Dictionary<Guid, BoardPermission> { [boardId] = new(true, grant == Grant.Write) });

    private static MemberAccess AllBoards(Grant grant) =>
        new(grant != Grant.None, grant == Grant.Write, new Dictionary<Guid, BoardPermission>());

    private static async Task<Guid> ThrowawayAsync(AgentScene scene, string name)
    {
        var id = Guid.NewGuid();
        await scene.Grain(id).Register(new NewAgent(id, name, scene.BoardId, scene.GatewayId));
        return id;
    }

    private static async Task<HttpResponseMessage> OpenStreamAsync(HttpClient client, Guid boardId) =>
        await client.GetAsync($"/api/v1/agents/stream?board_id={boardId}", HttpCompletionOption.ResponseHeadersRead);

    private static async Task<List<long>> VersionsAsync(AgentScene scene, IEnumerable<Guid> agents)
    {
        var versions = new List<long>();
        foreach (var agent in agents)
            versions.Add((await scene.Grain(agent).Get())!.Version);
        return versions;
    }

    private static async Task Expect(List<string> failures, object cell, string route, HttpStatusCode expected, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (response.StatusCode != expected)
            failures.Add($"{cell} {route}: expected {(int)expected}, got {(int)response.StatusCode}");
    }
}
