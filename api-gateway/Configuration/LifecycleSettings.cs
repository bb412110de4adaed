using System.Globalization;
using MissionControl.Grains.Agents;

namespace MissionControl.ApiGateway.Configuration;

/// <summary>Agent lifecycle settings from the environment: OFFLINE_AFTER, PROVISIONS_PER_GATEWAY, and BASE_URL for the workspaces.</summary>
public static class LifecycleSettings
{
    /// <summary>The agent options for this service.</summary>
    /// <exception cref="ConfigurationException">OFFLINE_AFTER is not a positive duration, or PROVISIONS_PER_GATEWAY not from 1 to 64.</exception>
    public static AgentOptions FromConfiguration(IConfiguration configuration, Uri baseUrl)
    {
        var problems = new ConfigurationProblems();
        var options = new AgentOptions
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
            OfflineAfter = problems.Read(() => Duration(configuration["OFFLINE_AFTER"], "OFFLINE_AFTER"), null) ?? AgentDefaults.OfflineAfter,
        };
        options.ProvisionsPerGateway = problems.Read(
            () => InboxSettings.Count(configuration, "PROVISIONS_PER_GATEWAY", options.ProvisionsPerGateway, max: 64), options.ProvisionsPerGateway);
        problems.ThrowIfAny();
        return options;
    }

    /// <summary>Seconds ("600", "600s"), minutes ("10m") or hours ("1h"); null when unset.</summary>
    public static TimeSpan? Duration(string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim().ToLowerInvariant();
        var (number, unit) = char.IsLetter(value[^1]) ? (value[..^1], value[^1]) : (value, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || unit is not ('s' or 'm' or 'h'))
            throw new ConfigurationException(variable, "must be a positive duration such as 600, 600s, 10m or 1h");
        return unit switch
        {
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }
}
