using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// The cluster dashboard's operator: the dashboard token as the password of HTTP Basic
/// credentials (any user name), or as a bearer token for scripts. Basic, because a browser asks
/// for it itself and sends it again with each of the dashboard's own requests: no sign-in page,
/// and no cookie whose keys every silo behind a load balancer would have to share.
/// </summary>
internal sealed class ClusterDashboardHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServiceSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = RequestTokens.BasicPassword(Request) ?? RequestTokens.Bearer(Request);
        if (presented is null || settings.ClusterDashboardToken is not { } expected)
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(SharedTokens.Matches(presented, expected)
            ? AuthenticateResult.Success(new AuthenticationTicket(Operator(Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("The credentials are not the cluster dashboard token."));
    }

    private static ClaimsPrincipal Operator(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "cluster-operator")], scheme));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Mission Control cluster dashboard\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
