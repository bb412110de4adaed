using MissionControl.Silo.Persistence;

namespace MissionControl.ApiGateway.Configuration;

/// <summary>How users authenticate: one shared local token, or JWTs from an OIDC issuer.</summary>
public enum AuthMode
{
    Local,
    Jwt,
}

/// <summary>
/// The service's configuration, read from environment variables (or any configuration source
/// with the same keys) and checked before anything starts.
/// </summary>
public sealed record ServiceSettings(
    string ConnectionString,
    AuthMode AuthMode,
    string? LocalAuthToken,
    string? JwtAuthority,
    string? JwtAudience,
    Uri BaseUrl,
    string? ClusterDashboardToken)
{
    public const int MinimumLocalTokenLength = 50;

    public const string DefaultOidcScope = "openid profile email";

    /// <summary>
    /// With <see cref="AuthMode.Jwt"/>: the dashboard's client id at the issuer (a public client
    /// with this service's URL as a redirect URI); unset, the dashboard takes a pasted token only.
    /// </summary>
    public string? OidcClientId { get; init; }

    /// <summary>The scopes the dashboard asks the issuer for.</summary>
    public string OidcScope { get; init; } = DefaultOidcScope;

    private static readonly string[] PlaceholderMarkers = ["change", "placeholder", "example", "your-", "your_", "replace", "xxxxx"];

    /// <exception cref="ConfigurationException">Variables are missing or invalid; it names every one.</exception>
    public static ServiceSettings FromConfiguration(IConfiguration configuration)
    {
        var problems = new ConfigurationProblems();
        var connectionString = problems.Read(() => ReadDatabaseUrl(configuration), "");
        var authMode = problems.Read<AuthMode?>(() => ReadAuthMode(configuration), null);
        var localToken = authMode == AuthMode.Local ? problems.Read(() => ReadToken(configuration, "LOCAL_AUTH_TOKEN"), null) : null;
        var authority = authMode == AuthMode.Jwt ? problems.Read(() => ReadAuthority(configuration), null) : null;
        var audience = authMode == AuthMode.Jwt ? problems.Read(() => Required(configuration, "JWT_AUDIENCE"), null) : null;
        var baseUrl = problems.Read(() => ReadUrl(configuration, "BASE_URL"), null);
        var dashboardToken = problems.Read(() => ReadClusterDashboardToken(configuration), null);
        problems.ThrowIfAny();
        return new ServiceSettings(connectionString, authMode!.Value, localToken, authority?.ToString(), audience, baseUrl!, dashboardToken)
        {
            OidcClientId = authMode == AuthMode.Jwt ? Optional(configuration, "OIDC_CLIENT_ID") : null,
            OidcScope = Optional(configuration, "OIDC_SCOPE") ?? DefaultOidcScope,
        };
    }

    // Never show the token itself, even in a record's ToString.
    public override string ToString() =>
        $"ServiceSettings {{ AuthMode = {AuthMode}, BaseUrl = {BaseUrl}, JwtAuthority = {JwtAuthority} }}";

    private static string ReadDatabaseUrl(IConfiguration configuration)
    {
        var url = Required(configuration, "DATABASE_URL");
        try
        {
            return DatabaseUrl.ToConnectionString(url);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException("DATABASE_URL", ex.Message);
        }
    }

    private static AuthMode ReadAuthMode(IConfiguration configuration) =>
        Required(configuration, "AUTH_MODE").ToLowerInvariant() switch
        {
            "local" => AuthMode.Local,
            "jwt" => AuthMode.Jwt,
            var other => throw new ConfigurationException("AUTH_MODE", $"must be 'local' or 'jwt', not '{other}'"),
        };

    private static string ReadToken(IConfiguration configuration, string key)
    {
        var token = Required(configuration, key);
        if (token.Length < MinimumLocalTokenLength)
            throw new ConfigurationException(key, $"must be at least {MinimumLocalTokenLength} characters");
        if (PlaceholderMarkers.Any(marker => token.Contains(marker, StringComparison.OrdinalIgnoreCase)) || token.Distinct().Count() < 8)
            throw new ConfigurationException(key, "looks like a placeholder; generate a random token");
        return token;
    }

    // The cluster dashboard shows every organization's grains, so it takes an operator's token of
    // its own, and it is served only when one is set: while served it listens to every Orleans
    // metric beside /metrics, which cost heartbeats measurable CPU (142 against 172 µs each).
    private static string? ReadClusterDashboardToken(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration["CLUSTER_DASHBOARD_TOKEN"])
            ? null
            : ReadToken(configuration, "CLUSTER_DASHBOARD_TOKEN");

    // Signing keys come from the authority's metadata; fetched over plain http they could be
    // swapped in transit, so http is accepted only for an issuer on this machine.
    private static Uri ReadAuthority(IConfiguration configuration)
    {
        var authority = ReadUrl(configuration, "JWT_AUTHORITY");
        return authority.Scheme == Uri.UriSchemeHttps || authority.IsLoopback
            ? authority
            : throw new ConfigurationException("JWT_AUTHORITY", "must use https unless the issuer is on loopback");
    }

    private static Uri ReadUrl(IConfiguration configuration, string key)
    {
        var value = Required(configuration, key);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ConfigurationException(key, "must be an absolute http(s) URL");
    }

    private static string? Optional(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    private static string Required(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException(key, "is not set") : value.Trim();
    }
}
