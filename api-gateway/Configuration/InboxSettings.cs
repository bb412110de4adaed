using System.Globalization;
using MissionControl.Grains.Agents.Inbox;

namespace MissionControl.ApiGateway.Configuration;

/// <summary>Agent inbox settings from the environment: INBOX_VISIBILITY_TIMEOUT, INBOX_POLL_LIMIT, INBOX_MAX_DELIVERIES, INBOX_KEY_SECRET.</summary>
public static class InboxSettings
{
    public const int MinimumKeySecretLength = 32;

    /// <exception cref="ConfigurationException">Variables are set but invalid; it names every one.</exception>
    public static InboxOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new InboxOptions();
        var problems = new ConfigurationProblems();
        options.VisibilityTimeout = problems.Read(
            () => LifecycleSettings.Duration(configuration["INBOX_VISIBILITY_TIMEOUT"], "INBOX_VISIBILITY_TIMEOUT"), null) ?? options.VisibilityTimeout;
        options.PollLimit = problems.Read(() => Count(configuration, "INBOX_POLL_LIMIT", options.PollLimit, max: 200), options.PollLimit);
        options.MaxDeliveries = problems.Read(() => Count(configuration, "INBOX_MAX_DELIVERIES", options.MaxDeliveries, max: 1000), options.MaxDeliveries);
        options.KeySecret = problems.Read(() => KeySecret(configuration), null);
        problems.ThrowIfAny();
        return options;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when unset.</summary>
    public static int Count(IConfiguration configuration, string key, int fallback, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new ConfigurationException(key, $"must be a whole number from 1 to {max}");
    }

    private static string? KeySecret(IConfiguration configuration)
    {
        var secret = configuration["INBOX_KEY_SECRET"];
        if (string.IsNullOrWhiteSpace(secret))
            return null;
        return secret.Trim().Length >= MinimumKeySecretLength
            ? secret.Trim()
            : throw new ConfigurationException("INBOX_KEY_SECRET", $"must be at least {MinimumKeySecretLength} characters");
    }
}
