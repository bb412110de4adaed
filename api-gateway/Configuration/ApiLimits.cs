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

    /// <exception cref="ConfigurationException">Variables are set but are not positive integers; it names every one.</exception>
    public static ApiLimits FromConfiguration(IConfiguration configuration)
    {
        var problems = new ConfigurationProblems();
        var limits = new ApiLimits(
            problems.Read(() => ReadPositive(configuration, "MAX_REQUEST_BODY_BYTES", DefaultMaxRequestBodyBytes), 0),
            (int)problems.Read(() => ReadPositive(configuration, "AGENT_AUTH_MAX_FAILURES", DefaultAgentAuthFailureLimit), 0),
            TimeSpan.FromSeconds(problems.Read(() => ReadPositive(configuration, "AGENT_AUTH_FAILURE_WINDOW_SECONDS", DefaultAgentAuthFailureWindowSeconds), 0)));
        problems.ThrowIfAny();
        return limits;
    }

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
