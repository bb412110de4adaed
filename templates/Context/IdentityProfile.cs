namespace MissionControl.Templates.Context;

/// <summary>
/// An agent's identity profile. Role, style and emoji fall back to defaults when blank;
/// the remaining fields stay empty when unset so templates can leave them out.
/// </summary>
public sealed record IdentityProfile
{
    /// <summary>Role used when none is given.</summary>
    public const string DefaultRole = "Generalist";

    /// <summary>Communication style used when none is given.</summary>
    public const string DefaultCommunicationStyle = "direct, concise, practical";

    /// <summary>Emoji used when none is given.</summary>
    public const string DefaultEmoji = ":gear:";

    /// <summary>Role, e.g. "Board Lead".</summary>
    public string Role { get; init; } = DefaultRole;

    /// <summary>How the agent writes.</summary>
    public string CommunicationStyle { get; init; } = DefaultCommunicationStyle;

    /// <summary>Emoji shown with the agent.</summary>
    public string Emoji { get; init; } = DefaultEmoji;

    /// <summary><c>ask_first</c>, <c>balanced</c> or <c>autonomous</c>.</summary>
    public string AutonomyLevel { get; init; } = "";

    /// <summary><c>concise</c>, <c>balanced</c> or <c>detailed</c>.</summary>
    public string Verbosity { get; init; } = "";

    /// <summary><c>bullets</c>, <c>mixed</c> or <c>narrative</c>.</summary>
    public string OutputFormat { get; init; } = "";

    /// <summary><c>asap</c>, <c>hourly</c>, <c>daily</c> or <c>weekly</c>.</summary>
    public string UpdateCadence { get; init; } = "";

    /// <summary>The agent's purpose in a sentence or two.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>Personality notes.</summary>
    public string Personality { get; init; } = "";

    /// <summary>Standing instructions from the operator.</summary>
    public string CustomInstructions { get; init; } = "";
}
