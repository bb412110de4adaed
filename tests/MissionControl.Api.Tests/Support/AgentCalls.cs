using System.Net.Http.Json;
using System.Text.Json;

namespace MissionControl.Api.Tests.Support;

/// <summary>Calls about one agent that several test classes make over HTTP.</summary>
internal static class AgentCalls
{
    /// <summary>The types of the agent's history events, oldest first (an admin's client).</summary>
    public static async Task<List<string>> EventTypesAsync(HttpClient admin, Guid agentId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}/events?limit=200");
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }

    /// <summary>The agent's own check-in with <paramref name="token"/> as <c>X-Agent-Token</c>, on a client without other credentials.</summary>
    public static async Task<HttpResponseMessage> HeartbeatWithTokenAsync(HttpClient anonymous, Guid agentId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agents/{agentId}/heartbeat") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Agent-Token", token);
        return await anonymous.SendAsync(request);
    }
}
