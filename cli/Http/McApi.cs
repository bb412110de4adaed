using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MissionControl.Cli.Settings;

namespace MissionControl.Cli.Http;

/// <summary>
/// The service's HTTP API as the commands use it: JSON in and out with the token, and every
/// failure (no answer, a refused token, an unknown id, a refusal) as a <see cref="McFailure"/>.
/// </summary>
public sealed class McApi : IDisposable
{
    private const int PageLimit = 200;

    /// <summary>How long a plain request may take; streams run until the service or the user ends them.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);
    private readonly HttpClient _http;

    public McApi(McSettings settings, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = settings.Url;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        if (settings.Token is { } token)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Url => _http.BaseAddress!;

    /// <summary>The service's clock (its <c>Date</c> header, to the second) at its last answer.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonElement> PostAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<JsonElement> PatchAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Patch, path, body, ct);

    public Task<JsonElement> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    /// <summary>
    /// Every item of a paged list (<c>{"items", "total", ...}</c>), page by page. An item created
    /// meanwhile shifts the pages, so one seen twice is kept once (by its id).
    /// </summary>
    public async Task<List<JsonElement>> ListAllAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonElement>();
        var seen = new HashSet<string>();
        var separator = path.Contains('?') ? '&' : '?';
        for (var offset = 0; ; offset += PageLimit)
        {
            var page = await GetAsync($"{path}{separator}limit={PageLimit}&offset={offset}", ct);
            var batch = page.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch.Where(item => !item.TryGetProperty("id", out var id) || seen.Add(id.ToString())));
            if (batch.Count == 0 || offset + batch.Count >= page.GetProperty("total").GetInt64())
                return items;
        }
    }

    /// <summary>The server-sent events of a request, as they come, until the service ends the stream.</summary>
    public async IAsyncEnumerable<SseItem<string>> StreamAsync(
        HttpMethod method, string path, [EnumeratorCancellation] CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(ct))
            yield return item;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: McJson.Wire);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        string text;
        try
        {
            using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            text = await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new McFailure(ExitCodes.Unreachable, $"no answer from {Url.GetLeftPart(UriPartial.Authority)} within {RequestTimeout.TotalSeconds:0} s");
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new McFailure(ExitCodes.Unreachable, $"{Url.GetLeftPart(UriPartial.Authority)} answered {path} with something other than JSON; is --url right?");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new McFailure(ExitCodes.Unreachable, $"cannot reach Mission Control at {Url.GetLeftPart(UriPartial.Authority)}: {ex.Message}");
        }

        AnsweredAt = response.Headers.Date ?? AnsweredAt;
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw ServiceErrors.From(response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(ct), Url,
                request.RequestUri is { IsAbsoluteUri: true } sent ? sent.PathAndQuery : request.RequestUri?.OriginalString ?? "");
    }
}
