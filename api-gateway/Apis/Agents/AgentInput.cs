using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Agents;

/// <summary>The rules of <c>POST /agents</c>' body (and a lead's <c>POST /agent/agents</c>).</summary>
public sealed class AgentCreateValidator : RequestValidator<AgentCreate>
{
    public AgentCreateValidator()
    {
        RuleFor(agent => agent.Name).AgentName(required: true);
        Include(new AgentSettingsValidator());
    }
}

/// <summary>The rules of <c>PATCH /agents/{id}</c>' body: what is given follows the create's rules.</summary>
public sealed class AgentUpdateValidator : RequestValidator<AgentUpdate>
{
    public AgentUpdateValidator()
    {
        RuleFor(agent => agent.Name).AgentName(required: false);
        Include(new AgentSettingsValidator());
    }
}

/// <summary>The rules a new agent and a change share.</summary>
internal sealed class AgentSettingsValidator : RequestValidator<IAgentSettings>
{
    public AgentSettingsValidator()
    {
        RuleFor(agent => agent.Status).Text(FieldLimits.Label);
        RuleFor(agent => agent.HeartbeatConfig).HeartbeatConfig();
        RuleFor(agent => agent.IdentityProfile).IdentityProfile();
        RuleFor(agent => agent.IdentityTemplate).Text(FieldLimits.Text);
        RuleFor(agent => agent.SoulTemplate).Text(FieldLimits.Text);
    }
}

/// <summary>The rules of an agent's own heartbeat.</summary>
public sealed class AgentHeartbeatValidator : RequestValidator<AgentHeartbeat>
{
    public AgentHeartbeatValidator() => RuleFor(beat => beat.Status).Text(FieldLimits.Label);
}

/// <summary>The rules of a heartbeat by name, which may create the agent.</summary>
public sealed class AgentHeartbeatCreateValidator : RequestValidator<AgentHeartbeatCreate>
{
    public AgentHeartbeatCreateValidator()
    {
        RuleFor(beat => beat.Name).AgentName(required: true);
        RuleFor(beat => beat.Status).Text(FieldLimits.Label);
    }
}

/// <summary>The rules of a lead's nudge; a blank message is the handler's "message is required".</summary>
public sealed class AgentNudgeValidator : RequestValidator<AgentNudge>
{
    public AgentNudgeValidator() => RuleFor(nudge => nudge.Message).Text(FieldLimits.Text);
}

/// <summary>The rules of a lead's new SOUL.md; blank content is the handler's "content is required".</summary>
public sealed class SoulUpdateValidator : RequestValidator<SoulUpdate>
{
    public SoulUpdateValidator()
    {
        RuleFor(soul => soul.Content).Text(FieldLimits.Text);
        RuleFor(soul => soul.SourceUrl).Line(FieldLimits.Url);
        RuleFor(soul => soul.Reason).Text(FieldLimits.Text);
    }
}

/// <summary>
/// The agent fields' own rules, and what the agent routes make of a valid body. Everything
/// here ends up in events, workspace files or gateway messages.
/// </summary>
public static class AgentInput
{
    /// <summary>
    /// A display name: not blank when required (nor blanked when given), and free of path
    /// separators and control characters (names reach session labels, workspace messages and logs).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> AgentName<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Must(name => name is null ? !required : name.Trim().Length > 0)
            .WithErrorCode("missing").WithMessage("name is required")
            .Must(name => name is null || name.Trim().Length <= FieldLimits.Name)
            .WithErrorCode("string_too_long").WithMessage($"String should have at most {FieldLimits.Name} characters")
            .Must(name => name is null || !name.Trim().Any(c => char.IsControl(c) || c is '/' or '\\'))
            .WithErrorCode("value_error").WithMessage("name may not contain '/', '\\' or control characters");

    /// <summary>Heartbeat settings: a small JSON object of settings.</summary>
    public static IRuleBuilderOptions<T, Dictionary<string, JsonElement>?> HeartbeatConfig<T>(
        this IRuleBuilder<T, Dictionary<string, JsonElement>?> rule) =>
        rule.Must(config => config is null || JsonSerializer.Serialize(config).Length <= FieldLimits.HeartbeatConfigJson)
            .WithErrorCode("value_error")
            .WithMessage($"heartbeat_config may be at most {FieldLimits.HeartbeatConfigJson} characters of JSON");

    /// <summary>Identity fields: a few entries of short text, numbers, booleans or lists of them.</summary>
    public static IRuleBuilderOptionsConditions<T, Dictionary<string, JsonElement>?> IdentityProfile<T>(
        this IRuleBuilder<T, Dictionary<string, JsonElement>?> rule) =>
        rule.Must(profile => profile is null || profile.Count <= FieldLimits.ProfileEntries)
            .WithErrorCode("value_error")
            .WithMessage($"identity_profile may have at most {FieldLimits.ProfileEntries} entries")
            .Custom((profile, context) =>
            {
                foreach (var (key, value) in profile ?? [])
                {
                    if (EntryFailure(key, value) is { } failure)
                        context.AddFailure(failure);
                }
            });

    /// <summary>The trimmed name, or null when none was given.</summary>
    public static string? Name(string? name) => name?.Trim();

    /// <summary>Non-blank free text; blank is refused with <paramref name="missingDetail"/>.</summary>
    public static string RequiredText(string? value, string missingDetail) =>
        Text.TrimToNull(value) ?? throw DomainError.Validation(missingDetail);

    /// <summary>
    /// Identity fields as trimmed text: numbers and booleans as written, lists joined with ", ",
    /// nulls dropped.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? IdentityProfile(Dictionary<string, JsonElement>? profile)
    {
        if (profile is null)
            return null;
        var text = new Dictionary<string, string>();
        foreach (var (key, value) in profile)
        {
            if (AsText(value) is { } entry)
                text[key] = entry;
        }

        return AgentProfiles.NormalizeIdentity(text);
    }

    private static ValidationFailure? EntryFailure(string key, JsonElement value)
    {
        var entry = AsText(value);
        if (key.Length > FieldLimits.Name || entry is { Length: > FieldLimits.ProfileValue })
        {
            return Failure(key, "string_too_long",
                $"identity_profile keys may be at most {FieldLimits.Name} and values {FieldLimits.ProfileValue} characters");
        }

        return value.ValueKind == JsonValueKind.Object || (value.ValueKind == JsonValueKind.Array && entry is null)
            ? Failure(key, "value_error", "identity_profile values must be text, numbers, booleans or lists of them")
            : null;
    }

    private static ValidationFailure Failure(string key, string code, string message) =>
        new("identity_profile", message) { ErrorCode = code, CustomState = new object[] { "identity_profile", key } };

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
}
