using System.Globalization;

namespace MissionControl.ApiGateway.Configuration;

/// <summary>
/// Limits the front door enforces on every request. Each has a default that suits agents and the
/// frontend; the variables exist so an operator can loosen or tighten them without a rebuild.
/// </summary>
public sealed record ApiLimits(long MaxRequestBodyBytes, int AgentAuthFailureLimit, TimeSpan AgentAuthFailureWindow)
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;
    public const int DefaultAgentAuthFailureLimit = 20;
    public const int DefaultAgentAuthFailureWindowSeconds = 60;

    /// <exception cref="ConfigurationException">A variable is set but is not a positive integer.</exception>
    public static ApiLimits FromConfiguration(IConfiguration configuration) => new(
        ReadPositive(configuration, "MAX_REQUEST_BODY_BYTES", DefaultMaxRequestBodyBytes),
        (int)ReadPositive(configuration, "AGENT_AUTH_MAX_FAILURES", DefaultAgentAuthFailureLimit),
        TimeSpan.FromSeconds(ReadPositive(configuration, "AGENT_AUTH_FAILURE_WINDOW_SECONDS", DefaultAgentAuthFailureWindowSeconds)));

    private static long ReadPositive(IConfiguration configuration, string key, long fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= int.MaxValue
            ? value
            : throw new ConfigurationException(key, "must be a positive whole number");
    }
}
