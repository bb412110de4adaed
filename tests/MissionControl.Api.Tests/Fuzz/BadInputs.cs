using System.Text;

namespace MissionControl.Api.Tests.Fuzz;

/// <summary>Who may call, and the ids a well-aimed request names.</summary>
public sealed record FuzzScene(
    HttpClient Owner,
    HttpClient Worker,
    HttpClient Lead,
    HttpClient GatewayMain,
    Func<HttpClient> Anonymous,
    IReadOnlyDictionary<string, string> Ids);

/// <summary>A request that must be refused with a 4xx.</summary>
public sealed record BadRequest(string What, HttpClient Client, HttpMethod Method, string Url, HttpContent? Body);

/// <summary>
/// The bad inputs of one operation: missing and wrong credentials, odd path parameters, control
/// characters in query parameters, and bodies with control characters, invalid Unicode, wrong
/// types, deep nesting and too many bytes. Everything else in the request is well aimed (real ids,
/// the caller the operation is for), so the input is what is refused.
/// </summary>
public static class BadInputs
{
    private static readonly string[] OddPathValues = ["not-a-uuid", "%01", "..%2F..%2Fetc", "%E2%80%AE", new('a', 300)];

    private static readonly string[] BadStrings =
    [
        "\"a\\u0000b\"", // NUL, which PostgreSQL cannot store
        "\"a\\u0001b\"", // a control character
        "\"a\\u001b[31mb\"", // an escape sequence
        "\"a\u0085b\"", // a C1 control character, raw
        "\"a\\ud800b\"", // an unpaired surrogate
    ];

    public static IEnumerable<BadRequest> For(OpenApiOperation operation, FuzzScene scene)
    {
        var method = new HttpMethod(operation.Method);
        var url = Fill(operation, scene, odd: null);
        var caller = CallerFor(operation, scene);

        yield return new BadRequest("no credentials", scene.Anonymous(), method, url, JsonBody("{}", operation));
        yield return new BadRequest("a wrong user token", WithHeader(scene.Anonymous(), "Authorization", "Bearer not-a-token"), method, url, JsonBody("{}", operation));
        yield return new BadRequest("a wrong agent token", WithHeader(scene.Anonymous(), "X-Agent-Token", "not-a-token"), method, url, JsonBody("{}", operation));

        foreach (var parameter in operation.PathParameters)
        {
            foreach (var odd in OddPathValues)
                yield return new BadRequest($"path {parameter}={Short(odd)}", caller, method, Fill(operation, scene, (parameter, odd)), JsonBody("{}", operation));
        }

        foreach (var parameter in operation.QueryParameters)
        {
            foreach (var value in (string[])["%00", "%01"])
                yield return new BadRequest($"query {parameter}={value}", caller, method, $"{url}?{parameter}={value}", JsonBody("{}", operation));
        }

        if (!operation.HasJsonBody)
            yield break;
        foreach (var body in Bodies(operation))
            yield return new BadRequest(body.What, caller, method, url, body.Content);
    }

    private static IEnumerable<(string What, HttpContent Content)> Bodies(OpenApiOperation operation)
    {
        foreach (var bad in BadStrings)
            yield return ($"body strings {Short(bad)}", Json(Object(operation, bad)));
        var invalidUtf8 = Encoding.UTF8.GetBytes(Object(operation, "\"a##b\"")).Select(b => b == (byte)'#' ? (byte)0xC3 : b).ToArray();
        yield return ("body strings of invalid UTF-8", Raw(invalidUtf8));
        yield return ("body of wrong types", Json(Object(operation, "[[{}]]")));
        yield return ("body nested 5000 deep", Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("body of 2 MB", Json($"{{\"x\": \"{new string('x', 2_000_000)}\"}}"));
        yield return ("body null", Json("null"));
        yield return ("body a list", Json("[]"));
        yield return ("body a number", Json("7"));
        yield return ("body not JSON", Json("{\"a\": "));
    }

    /// <summary>
    /// An object with every string property set to <paramref name="value"/>; the bare value when
    /// the body has none (an object of unknown fields could be a valid request).
    /// </summary>
    private static string Object(OpenApiOperation operation, string value) =>
        operation.StringProperties.Count == 0
            ? value
            : "{" + string.Join(", ", operation.StringProperties.Select(name => $"\"{name}\": {value}")) + "}";

    private static HttpClient CallerFor(OpenApiOperation operation, FuzzScene scene) => operation.Tags switch
    {
        var tags when tags.Contains("agent-worker") => scene.Worker,
        var tags when tags.Contains("agent-lead") => scene.Lead,
        var tags when tags.Contains("agent-main") => scene.GatewayMain,
        _ => scene.Owner,
    };

    private static string Fill(OpenApiOperation operation, FuzzScene scene, (string Name, string Value)? odd)
    {
        var url = operation.Path;
        foreach (var parameter in operation.PathParameters)
        {
            var value = odd is { } o && o.Name == parameter ? o.Value : IdFor(parameter, scene);
            url = url.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        return url;
    }

    private static string IdFor(string parameter, FuzzScene scene)
    {
        var key = scene.Ids.Keys.FirstOrDefault(name => parameter.Contains(name, StringComparison.OrdinalIgnoreCase));
        return key is null ? Guid.NewGuid().ToString() : scene.Ids[key];
    }

    private static HttpContent? JsonBody(string json, OpenApiOperation operation) => operation.HasJsonBody ? Json(json) : null;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static HttpClient WithHeader(HttpClient client, string name, string value)
    {
        client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return client;
    }

    private static string Short(string text) => text.Length > 24 ? text[..24] + "…" : text;
}
