using System.Net.Http.Json;
using System.Text.Json;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>The operator's side before the run: signed in, the gateway registered, one board on it.</summary>
internal sealed record ProvisionScene(Guid GatewayId, Guid BoardId)
{
    /// <summary>Sets the scene and waits until the gateway's main agent has settled, so the run counts only its own agents.</summary>
    public static async Task<ProvisionScene> SetUpAsync(HttpClient http, string gatewayUrl, string gatewayToken, string workspaceRoot)
    {
        (await http.PostAsync("/api/v1/auth/bootstrap", null)).EnsureSuccessStatusCode();
        var gatewayId = await IdOfAsync(await http.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Bench gateway", url = gatewayUrl, workspace_root = workspaceRoot, token = gatewayToken,
        }));
        var boardId = await IdOfAsync(await http.PostAsJsonAsync("/api/v1/boards", new
        {
            name = "Bench board", description = "Provisioning benchmark", gateway_id = gatewayId, max_agents = 100_000,
        }));
        var main = (await http.GetFromJsonAsync<JsonElement>("/api/v1/agents?limit=200")).GetProperty("items").EnumerateArray()
            .Single(agent => agent.GetProperty("is_gateway_main").GetBoolean() && agent.GetProperty("gateway_id").GetGuid() == gatewayId)
            .GetProperty("id").GetGuid();
        var players = new AgentPlayers(http, workspaceRoot);
        if ((await players.PlayUntilSettledAsync([main], TimeSpan.FromMinutes(5), beat: false)).Count == 0)
            throw new InvalidOperationException("the gateway's main agent did not settle within 5 minutes");
        return new ProvisionScene(gatewayId, boardId);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
