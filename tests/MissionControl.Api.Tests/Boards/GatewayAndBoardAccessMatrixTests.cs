using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Organizations;

namespace MissionControl.Api.Tests.Boards;

/// <summary>
/// Who may use the gateway and board routes: role (owner, admin, member) × organization (the
/// resource's own, or another) × board grant (none, read, write). Every forbidden cell must be
/// denied: 404 for a resource of another organization (its existence does not leak), 403
/// otherwise. Admin-only routes answer a member 403 before looking at the resource, wherever it
/// is; that reveals nothing about the resource either.
/// </summary>
public sealed class GatewayAndBoardAccessMatrixTests(World world) : IClassFixture<World>
{
    public enum Grant
    {
        None,
        Read,
        Write,
    }

    private sealed record Cell(string Role, bool Own, Grant Grant)
    {
        public bool IsAdmin => Role is "owner" or "admin";

        public bool CanRead => Own && Grant != Grant.None;

        public bool CanWrite => Own && Grant == Grant.Write;

        public override string ToString() => $"{Role}/{(Own ? "own" : "other")} org/grant {Grant}";
    }

    private sealed record Scene(TestOrganization Home, TestOrganization Away, Guid GatewayId, Guid BoardId)
    {
        public string MainSession => Uri.EscapeDataString($"agent:mc-gateway-{GatewayId}:main");
    }

    [Fact]
    public async Task Every_forbidden_cell_is_denied_and_every_allowed_cell_is_served()
    {
        var home = await world.NewOrganizationAsync("Home");
        var gatewayId = await world.NewGatewayAsync(home, "Home gateway");
        await world.GatewayMainAsync(gatewayId);
        var scene = new Scene(home, await world.NewOrganizationAsync("Away"), gatewayId, await world.NewBoardAsync(home, gatewayId, "Target"));
        var failures = new List<string>();

        foreach (var role in new[] { "owner", "admin", "member" })
        foreach (var own in new[] { true, false })
        foreach (var grant in Enum.GetValues<Grant>())
            failures.AddRange(await CheckAsync(new Cell(role, own, grant), scene));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<List<string>> CheckAsync(Cell cell, Scene scene)
    {
        // Deletions get targets of their own, so an allowed one does not take the shared ones away.
        var boardToDelete = await world.NewBoardAsync(scene.Home, scene.GatewayId, $"Disposable {Guid.NewGuid():N}");
        var gatewayToDelete = await BareGatewayAsync(scene.Home);
        var user = cell.Own
            ? await world.AddMemberAsync(scene.Home, cell.Role, Grants(cell.Grant, scene.BoardId, boardToDelete))
            : await world.AddMemberAsync(scene.Away, cell.Role, new MemberAccess(cell.Grant != Grant.None, cell.Grant == Grant.Write, new Dictionary<Guid, BoardPermission>()));
        using var client = world.ClientFor(user);
        var failures = new List<string>();

        async Task Expect(string route, Func<Task<HttpResponseMessage>> call, HttpStatusCode expected)
        {
            var response = await call();
            if (response.StatusCode != expected)
                failures.Add($"{cell}: {route} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }

        var (g, b) = (scene.GatewayId, scene.BoardId);
        var adminRoute = !cell.IsAdmin ? HttpStatusCode.Forbidden : cell.Own ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var adminRead = !cell.IsAdmin ? HttpStatusCode.Forbidden : !cell.Own ? HttpStatusCode.NotFound : cell.CanRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var adminWrite = !cell.IsAdmin ? HttpStatusCode.Forbidden : !cell.Own ? HttpStatusCode.NotFound : cell.CanWrite ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var boardRead = !cell.Own ? HttpStatusCode.NotFound : cell.CanRead ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        var boardWrite = !cell.Own ? HttpStatusCode.NotFound : cell.CanWrite ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        await Expect("GET /gateways", () => client.GetAsync("/api/v1/gateways"), cell.IsAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        await Expect("GET /gateways/{id}", () => client.GetAsync($"/api/v1/gateways/{g}"), adminRoute);
        await Expect("PATCH /gateways/{id}", () => client.PatchAsJsonAsync($"/api/v1/gateways/{g}", new { name = "Home gateway" }), adminRoute);
        await Expect("POST /gateways/{id}/templates/sync", () => client.PostAsync($"/api/v1/gateways/{g}/templates/sync?board_id={Guid.NewGuid()}", null), adminRoute);
        await Expect("GET /gateways/status", () => client.GetAsync($"/api/v1/gateways/status?board_id={b}"), adminRead);
        await Expect("GET /gateways/sessions", () => client.GetAsync($"/api/v1/gateways/sessions?board_id={b}"), adminRead);
        await Expect("GET /gateways/sessions/{id}", () => client.GetAsync($"/api/v1/gateways/sessions/{scene.MainSession}?board_id={b}"), adminRead);
        await Expect("GET /gateways/sessions/{id}/history", () => client.GetAsync($"/api/v1/gateways/sessions/{scene.MainSession}/history?board_id={b}"), adminRead);
        await Expect("POST /gateways/sessions/{id}/message",
            () => client.PostAsJsonAsync($"/api/v1/gateways/sessions/{scene.MainSession}/message?board_id={b}", new { content = $"hello from {cell}" }), adminWrite);
        await Expect("GET /gateways/commands", () => client.GetAsync("/api/v1/gateways/commands"), cell.IsAdmin ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        if (!cell.IsAdmin)
            await Expect("POST /gateways", () => client.PostAsJsonAsync("/api/v1/gateways", new { name = "N", url = world.Gateway.Url.ToString(), workspace_root = "/srv" }), HttpStatusCode.Forbidden);
        await Expect("GET /boards/{id}", () => client.GetAsync($"/api/v1/boards/{b}"), boardRead);
        await Expect("PATCH /boards/{id}", () => client.PatchAsJsonAsync($"/api/v1/boards/{b}", new { objective = $"set by {cell}" }), boardWrite);
        await Expect("POST /boards", () => client.PostAsJsonAsync("/api/v1/boards", new { name = "New", description = "d", gateway_id = g }),
            !cell.IsAdmin ? HttpStatusCode.Forbidden : cell.Own ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity);
        await Expect("DELETE /boards/{id}", () => client.DeleteAsync($"/api/v1/boards/{boardToDelete}"), boardWrite);
        await Expect("DELETE /gateways/{id}", () => client.DeleteAsync($"/api/v1/gateways/{gatewayToDelete}"), adminRoute);

        await CheckListsAsync(cell, client, scene, failures);
        return failures;
    }

    /// <summary>Lists never show what the caller may not see.</summary>
    private static async Task CheckListsAsync(Cell cell, HttpClient client, Scene scene, List<string> failures)
    {
        var boards = await client.GetAsync("/api/v1/boards");
        if (boards.StatusCode != HttpStatusCode.OK)
            failures.Add($"{cell}: GET /boards answered {(int)boards.StatusCode}");
        else if (Ids(await boards.JsonAsync()).Contains(scene.BoardId) != cell.CanRead)
            failures.Add($"{cell}: GET /boards {(cell.CanRead ? "lacks" : "shows")} the target board");

        var gateways = await client.GetAsync("/api/v1/gateways");
        if (gateways.StatusCode == HttpStatusCode.OK && Ids(await gateways.JsonAsync()).Contains(scene.GatewayId) != cell.Own)
            failures.Add($"{cell}: GET /gateways {(cell.Own ? "lacks" : "shows")} the target gateway");
    }

    private static MemberAccess Grants(Grant grant, params Guid[] boards) => new(false, false,
        grant == Grant.None
            ? new Dictionary<Guid, BoardPermission>()
            : boards.ToDictionary(id => id, _ => new BoardPermission(true, grant == Grant.Write)));

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => Guid.Parse(item.GetProperty("id").GetString()!))];

    private async Task<Guid> BareGatewayAsync(TestOrganization organization)
    {
        var gatewayId = Guid.NewGuid();
        await world.Grain<IGatewayGrain>(gatewayId).Register(
            new NewGateway(organization.Id, "Disposable", world.Gateway.Url.ToString(), "/srv/disposable") { Token = world.Gateway.Token });
        return gatewayId;
    }
}
