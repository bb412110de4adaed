using System.Text.Json;
using System.Text.RegularExpressions;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Describes why minimal-API binding rejected a request as <see cref="ValidationIssue"/>s. The
/// framework reports these as exceptions with English messages; we keep the location it gives
/// and replace its wording, which names CLR types, with the contract's.
/// </summary>
internal static partial class BindingFailures
{
    public static IReadOnlyList<ValidationIssue> Describe(BadHttpRequestException ex, HttpContext context) =>
        ex.InnerException is JsonException json ? DescribeJson(json) : [DescribeParameter(ex.Message, context)];

    private static IReadOnlyList<ValidationIssue> DescribeJson(JsonException json)
    {
        // The reader's own errors (bad syntax, truncation) arrive wrapped in a second JsonException.
        if (json.InnerException is JsonException)
            return [new ValidationIssue(["body"], "JSON decode error", "json_invalid")];

        var missing = MissingProperties(json.Message);
        if (missing.Count > 0)
            return [.. missing.Select(name => new ValidationIssue(["body", name], "Field required", "missing"))];

        var location = JsonPathLocation(json.Path);
        return json.Message.Contains("allow null", StringComparison.Ordinal)
            ? [new ValidationIssue(location, "Field may not be null", "null_not_allowed")]
            : [new ValidationIssue(location, "Value has the wrong type for this field", "type_error")];
    }

    private static List<string> MissingProperties(string message)
    {
        var at = message.IndexOf("missing required properties", StringComparison.Ordinal);
        return at < 0 ? [] : [.. QuotedName().Matches(message[at..]).Select(match => match.Groups[1].Value)];
    }

    private static List<object> JsonPathLocation(string? path)
    {
        List<object> location = ["body"];
        foreach (Match segment in PathSegment().Matches(path ?? ""))
        {
            if (segment.Groups["index"].Success)
                location.Add(int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture));
            else
                location.Add(segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value);
        }

        return location;
    }

    private static ValidationIssue DescribeParameter(string message, HttpContext context)
    {
        var name = ParameterName().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;
        object[] location = name is null ? [Source(message, name, context)] : [Source(message, name, context), name];
        return message.StartsWith("Required", StringComparison.Ordinal) || message.Contains("no body", StringComparison.Ordinal)
            ? new ValidationIssue(location, "Field required", "missing")
            : new ValidationIssue(location, "Value could not be parsed", "parsing");
    }

    private static string Source(string message, string? name, HttpContext context) => message switch
    {
        _ when message.Contains("query string", StringComparison.Ordinal) => "query",
        _ when message.Contains("body", StringComparison.Ordinal) => "body",
        _ when message.Contains("header", StringComparison.Ordinal) => "header",
        _ when name is not null && context.Request.Query.ContainsKey(name) => "query",
        _ when name is not null && context.Request.RouteValues.ContainsKey(name) => "path",
        _ => "request",
    };

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex PathSegment();

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}
