using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Authentication;

namespace MissionControl.ApiGateway.Dashboard;

/// <summary>
/// The dashboard page's content security policy. The page loads only its own files and talks
/// only to its own origin and, for sign-in, to the issuer: its metadata's origin and its token
/// endpoint's, which may be another (read once from the metadata the API's token checks use).
/// Agents' and users' text is set as text; the policy keeps any script that slipped in anyway
/// from running or calling out.
/// </summary>
public sealed class DashboardPolicy(DashboardSignIn signIn, IOptionsMonitor<JwtBearerOptions> jwt, ILogger<DashboardPolicy> logger)
{
    private string? _complete;

    /// <summary>The policy for files that are not pages (scripts, styles, JSON): nothing of their own may run.</summary>
    public static string ForFiles => Build([]);

    public async Task<string> ForPageAsync(CancellationToken ct)
    {
        if (signIn.Oidc is not { } oidc)
            return Build([]);
        if (_complete is not null)
            return _complete;
        var issuer = Origin(oidc.Authority);
        try
        {
            var metadata = await jwt.Get(AuthSchemes.User).ConfigurationManager!.GetConfigurationAsync(ct);
            return _complete = Build([issuer, Origin(metadata.TokenEndpoint)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Until the metadata can be read, sign-in works with issuers whose token endpoint is their own origin.
            logger.LogWarning(ex, "The issuer's metadata could not be read for the dashboard's policy");
            return Build([issuer]);
        }
    }

    private static string Origin(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);

    private static string Build(IEnumerable<string> signInOrigins)
    {
        var connect = string.Join(' ', new[] { "'self'" }.Concat(signInOrigins.Distinct()));
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            $"connect-src {connect}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }
}
