using System.Globalization;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Inbox;

namespace MissionControl.ReadModels.Inbox;

/// <summary>
/// The skill an agent installs to use its inbox (<c>templates/inbox/mission_control_inbox.md</c>),
/// filled with this service's BASE_URL and inbox settings. It never contains the key.
/// </summary>
public sealed class InboxSetupGuide(AgentOptions agents, InboxOptions inbox)
{
    public const string SkillFilename = "mission_control_inbox.md";

    public const string HeartbeatAddition =
        "- Work through your Mission Control inbox with the mission_control_inbox skill: fetch waiting messages and report each one.";

    private static readonly Lazy<string> Template = new(Load);

    /// <summary>The skill text for <paramref name="agentId"/>.</summary>
    public string SkillFor(Guid agentId) => Template.Value
        .Replace("{{base_url}}", agents.BaseUrl.TrimEnd('/'), StringComparison.Ordinal)
        .Replace("{{agent_id}}", agentId.ToString("D"), StringComparison.Ordinal)
        .Replace("{{poll_limit}}", inbox.PollLimit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{max_deliveries}}", inbox.MaxDeliveries.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Load()
    {
        var assembly = typeof(InboxSetupGuide).Assembly;
        using var stream = assembly.GetManifestResourceStream("inbox/" + SkillFilename)
            ?? throw new InvalidOperationException($"The embedded inbox skill {SkillFilename} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
