using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>AUTH_MODE=local: one shared token, sent as <c>Authorization: Bearer</c>, is the local user.</summary>
internal sealed class LocalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServiceSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = RequestTokens.Bearer(Request);
        if (presented is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(SharedTokens.Matches(presented, settings.LocalAuthToken!)
            ? AuthenticateResult.Success(new AuthenticationTicket(UserCaller.Local.ToPrincipal(Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("The bearer token is not the local token."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
