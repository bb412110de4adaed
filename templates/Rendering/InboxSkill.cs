using System.Globalization;

namespace MissionControl.Templates.Rendering;

/// <summary>
/// The skill an agent installs to use its inbox (<c>templates/inbox/mission_control_inbox.md</c>),
/// filled with the service's base URL and inbox settings. It never contains the key.
/// </summary>
public static class InboxSkill
{
    public const string Filename = "mission_control_inbox.md";

    /// <summary>The line an agent adds to its HEARTBEAT.md so it works through its inbox.</summary>
    public const string HeartbeatAddition =
        "- Work through your Mission Control inbox with the mission_control_inbox skill: fetch waiting messages and report each one.";

    private static readonly Lazy<string> Template = new(Load);

    /// <summary>The skill text for <paramref name="agentId"/>.</summary>
    public static string For(Guid agentId, string baseUrl, int pollLimit, int maxDeliveries) => Template.Value
        .Replace("{{base_url}}", baseUrl.TrimEnd('/'), StringComparison.Ordinal)
        .Replace("{{agent_id}}", agentId.ToString("D"), StringComparison.Ordinal)
        .Replace("{{poll_limit}}", pollLimit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{max_deliveries}}", maxDeliveries.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Load()
    {
        using var stream = typeof(InboxSkill).Assembly.GetManifestResourceStream("inbox/" + Filename)
            ?? throw new InvalidOperationException($"The embedded inbox skill {Filename} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
