using System.Net;
using System.Text.Json;

namespace MissionControl.Cli.Http;

/// <summary>Turns a refused request into a one-line failure that names the problem.</summary>
public static class ServiceErrors
{
    public static McFailure From(HttpStatusCode status, string? reason, string body, Uri url, string path)
    {
        var detail = Detail(body);
        var code = $"{(int)status} {(string.IsNullOrWhiteSpace(reason) ? status.ToString() : reason)}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new McFailure(ExitCodes.Unauthorized,
                $"the service refused the token ({code}){(detail is null ? "" : $": {detail}")}; pass --token, set MC_TOKEN or run 'mc login'"),
            // The token is good; its user may not do this (an admin's action, a board not granted).
            HttpStatusCode.Forbidden => new McFailure(ExitCodes.Unauthorized,
                $"this token's user may not do that ({code}){(detail is null ? "" : $": {detail}")}"),
            // A 404 without the service's error body comes from something else at that address.
            HttpStatusCode.NotFound when detail is null => new McFailure(ExitCodes.Unreachable,
                $"{url.GetLeftPart(UriPartial.Authority)} answered {code} without a Mission Control error; is --url right?"),
            // The service's generic "Not Found" says nothing of what was asked for; the path does.
            HttpStatusCode.NotFound when detail == "Not Found" => new McFailure(ExitCodes.NotFound, $"not found: {path}"),
            HttpStatusCode.NotFound => new McFailure(ExitCodes.NotFound, detail!),
            _ => new McFailure(ExitCodes.Refused, $"the service refused the request ({code}){(detail is null ? "" : $": {detail}")}"),
        };
    }

    // The service's errors are {"detail": "..."} or, for invalid input, {"detail": [{loc, msg, type}]}.
    private static string? Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("detail", out var detail))
                return null;
            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(Violation)),
                _ => detail.GetRawText(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Violation(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("msg", out var message))
            return item.ToString();
        var location = item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
            ? string.Join('.', loc.EnumerateArray().Select(part => part.ToString()).Where(part => part != "body"))
            : "";
        return location.Length == 0 ? message.ToString() : $"{location}: {message}";
    }
}
