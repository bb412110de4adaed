namespace MissionControl.Cli.Settings;

/// <summary>
/// Where the service is and the token to use. Each is taken from the first of: the flag
/// (<c>--url</c>, <c>--token</c>), the environment (<c>MC_URL</c>, <c>MC_TOKEN</c>), the config
/// file (<c>--config</c>, else <c>MC_CONFIG</c>, else <c>$XDG_CONFIG_HOME/mc/config.json</c>, else
/// <c>~/.config/mc/config.json</c>). The URL defaults to the local service of <c>deploy/run.sh</c>.
/// </summary>
public sealed record McSettings(Uri Url, string? Token, string ConfigPath)
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    public static McSettings Resolve(string? urlFlag, string? tokenFlag, string? configFlag, McEnvironment environment)
    {
        var configPath = configFlag ?? environment.Variable("MC_CONFIG") ?? DefaultConfigPath(environment);
        var lazyFile = new Lazy<ConfigFile>(() => ConfigFile.Read(configPath));
        var url = urlFlag ?? environment.Variable("MC_URL") ?? lazyFile.Value.Url ?? DefaultUrl;
        var token = tokenFlag ?? environment.Variable("MC_TOKEN") ?? lazyFile.Value.Token;
        return new McSettings(ParseUrl(url), string.IsNullOrWhiteSpace(token) ? null : token.Trim(), configPath);
    }

    public static Uri ParseUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            ? parsed
            : throw new McFailure(ExitCodes.Usage, $"'{url}' is not an http or https URL (from --url, MC_URL or the config file)");

    private static string DefaultConfigPath(McEnvironment environment) =>
        Path.Combine(environment.Variable("XDG_CONFIG_HOME") ?? Path.Combine(environment.HomeDirectory, ".config"), "mc", "config.json");
}
