using System.Text.Json;

namespace MissionControl.Cli.Http;

/// <summary>The service's JSON: snake_case names, and printed indented for <c>--json</c>.</summary>
public static class McJson
{
    public static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static readonly JsonSerializerOptions Printed = new() { WriteIndented = true };

    public static T Read<T>(JsonElement element) =>
        element.Deserialize<T>(Wire) ?? throw new McFailure(ExitCodes.Unreachable, "the service answered null where an object was expected");

    public static string Print(JsonElement element) => JsonSerializer.Serialize(element, Printed);
}
