using System.Net.Http.Json;
using System.Text.Json;

namespace MissionControl.Api.Tests.Support;

internal static class Responses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The <c>detail</c> of an error body, as a string.</summary>
    public static async Task<string?> DetailAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("detail").GetString();

    /// <summary>The <c>detail</c> of a validation error: its issues as (loc joined by '.', type).</summary>
    public static async Task<List<(string Loc, string Type)>> IssuesAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("detail").EnumerateArray().Select(issue => (
            string.Join('.', issue.GetProperty("loc").EnumerateArray().Select(part => part.ToString())),
            issue.GetProperty("type").GetString()!))];

    /// <summary>The <c>id</c> of a created resource, after checking the answer was 200.</summary>
    public static async Task<Guid> IdOfAsync(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Guid.Parse((await response.JsonAsync()).GetProperty("id").GetString()!);
    }

    public static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");
}
