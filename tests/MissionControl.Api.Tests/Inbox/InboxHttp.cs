using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Inbox;

/// <summary>Calls to the inbox routes with an <c>X-Api-Key</c>.</summary>
internal static class InboxHttp
{
    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static Task<HttpResponseMessage> PollAsync(this HttpClient client) => client.GetAsync("/api/gateway/poll");

    public static Task<HttpResponseMessage> ReportAsync(this HttpClient client, object messageId, string result) =>
        client.PostAsJsonAsync("/api/gateway/report", new { message_id = messageId, result });

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, string target, string content, string? channel = null, Guid? messageId = null) =>
        client.PostAsJsonAsync("/api/gateway/send-message", new { target, content, channel, message_id = messageId });

    /// <summary>Issues (or rotates) an agent's inbox key as <paramref name="client"/>'s user.</summary>
    public static Task<HttpResponseMessage> IssueKeyAsync(this HttpClient client, Guid agentId) =>
        client.PostAsync($"/api/v1/agents/{agentId}/inbox-key", null);

    public static async Task<string> IssuedKeyAsync(this HttpClient client, Guid agentId) =>
        (await (await client.IssueKeyAsync(agentId)).JsonAsync()).GetProperty("api_key").GetString()!;

    public static async Task<List<JsonElement>> MessagesAsync(this HttpResponseMessage poll) =>
        [.. (await poll.JsonAsync()).GetProperty("messages").EnumerateArray()];
}
