using System.Text.Json;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>
/// Bounds on what clients may send about an agent. Request bodies may be up to 1 MiB, far more
/// than any of these fields needs, and everything here ends up in events, workspace files or
/// gateway messages, so each field is checked before anything is recorded or sent.
/// </summary>
internal sealed class AgentInput
{
    public const int MaxNameLength = 100;
    public const int MaxStatusLength = 64;
    public const int MaxTextLength = 64 * 1024;
    public const int MaxProfileEntries = 50;
    public const int MaxProfileKeyLength = 100;
    public const int MaxProfileValueLength = 2000;
    public const int MaxHeartbeatConfigLength = 4096;

    private readonly List<ValidationIssue> _issues = [];

    /// <summary>Throws the collected issues as one 422.</summary>
    public void ThrowIfInvalid()
    {
        if (_issues.Count > 0)
            throw new ApiValidationException(_issues);
    }

    /// <summary>
    /// A display name: not blank when required, short, and free of path separators and control
    /// characters (names reach session labels, workspace messages and logs).
    /// </summary>
    public string? Name(string? name, bool required)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required || name is not null)
                Add("name", "name is required", "missing");
            return null;
        }

        if (trimmed.Length > MaxNameLength)
            Add("name", $"name may be at most {MaxNameLength} characters", "string_too_long");
        else if (trimmed.Any(c => char.IsControl(c) || c is '/' or '\\'))
            Add("name", "name may not contain '/', '\\' or control characters", "value_error");
        return trimmed;
    }

    /// <summary>A status an agent reports about itself: short text.</summary>
    public string? Status(string? status)
    {
        if (status is { Length: > MaxStatusLength })
            Add("status", $"status may be at most {MaxStatusLength} characters", "string_too_long");
        return status;
    }

    /// <summary>Free text (templates, messages, SOUL.md content) of bounded length.</summary>
    public string? Text(string field, string? value)
    {
        if (value is { Length: > MaxTextLength })
            Add(field, $"{field} may be at most {MaxTextLength} characters", "string_too_long");
        return value;
    }

    /// <summary>Non-blank free text of bounded length; blank is refused at once with <paramref name="missingDetail"/>.</summary>
    public string RequiredText(string field, string? value, string missingDetail)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw DomainError.Validation(missingDetail);
        return Text(field, trimmed)!;
    }

    /// <summary>Heartbeat settings: a small JSON object of settings.</summary>
    public Dictionary<string, JsonElement>? HeartbeatConfig(Dictionary<string, JsonElement>? config)
    {
        if (config is not null && JsonSerializer.Serialize(config).Length > MaxHeartbeatConfigLength)
            Add("heartbeat_config", $"heartbeat_config may be at most {MaxHeartbeatConfigLength} characters of JSON", "value_error");
        return config;
    }

    /// <summary>
    /// Identity fields as trimmed text: numbers and booleans as written, lists joined with ", ",
    /// nulls dropped; nested objects are refused.
    /// </summary>
    public IReadOnlyDictionary<string, string>? IdentityProfile(Dictionary<string, JsonElement>? profile)
    {
        if (profile is null)
            return null;
        if (profile.Count > MaxProfileEntries)
            Add("identity_profile", $"identity_profile may have at most {MaxProfileEntries} entries", "value_error");
        var text = new Dictionary<string, string>();
        foreach (var (key, value) in profile)
        {
            var entry = AsText(value);
            if (key.Length > MaxProfileKeyLength || entry is { Length: > MaxProfileValueLength })
                Add(["identity_profile", key], $"identity_profile keys may be at most {MaxProfileKeyLength} and values {MaxProfileValueLength} characters", "string_too_long");
            else if (value.ValueKind == JsonValueKind.Object || (value.ValueKind == JsonValueKind.Array && entry is null))
                Add(["identity_profile", key], "identity_profile values must be text, numbers, booleans or lists of them", "value_error");
            else if (entry is not null)
                text[key] = entry;
        }

        return AgentProfiles.NormalizeIdentity(text);
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array when value.EnumerateArray().All(IsScalar) =>
            AgentProfiles.JoinListValue(value.EnumerateArray().Select(item => AsText(item) ?? "")),
        _ => null,
    };

    private static bool IsScalar(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private void Add(string field, string message, string type) => Add([field], message, type);

    private void Add(IEnumerable<object> location, string message, string type) =>
        _issues.Add(new ValidationIssue(["body", .. location], message, type));
}
