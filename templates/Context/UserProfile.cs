namespace MissionControl.Templates.Context;

/// <summary>The human an agent serves, as far as the templates need to know.</summary>
public sealed record UserProfile
{
    /// <summary>Full name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Preferred name; only its first word is used.</summary>
    public string PreferredName { get; init; } = "";

    /// <summary>Pronouns.</summary>
    public string Pronouns { get; init; } = "";

    /// <summary>IANA timezone name.</summary>
    public string Timezone { get; init; } = "";

    /// <summary>Free-form notes about the person.</summary>
    public string Notes { get; init; } = "";

    /// <summary>Free-form context about their work.</summary>
    public string Context { get; init; } = "";

    /// <summary>No user known: every field empty.</summary>
    public static UserProfile None { get; } = new();
}
