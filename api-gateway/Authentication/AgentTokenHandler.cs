using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Agent routes: the agent's own token from <c>X-Agent-Token</c> or <c>Authorization: Bearer</c>.
/// A failure challenges with 401; a client over its failure budget gets 429 instead.
/// </summary>
internal sealed class AgentTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AgentTokenAuthenticator authenticator,
    FailedAuthLimiter limiter)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string RateLimitedItem = "MissionControl.AgentAuthRateLimited";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = RequestTokens.Agent(Request);
        if (token is null)
            return AuthenticateResult.NoResult();

        var checkedDownstream = Context.GetEndpoint()?.Metadata.GetMetadata<ChecksAgentTokenHash>() is not null;
        var outcome = await authenticator.AuthenticateAsync(
            token, RequestTokens.ClientKey(Context), checkedDownstream, Context.RequestAborted);
        switch (outcome.Verdict)
        {
            case AgentTokenVerdict.Accepted:
                new ProvenAgentToken(outcome.Agent!.TokenHash, outcome.Fingerprint!).AttachTo(Context);
                return AuthenticateResult.Success(new AuthenticationTicket(AgentCaller.Principal(outcome.Agent!, Scheme.Name), Scheme.Name));
            case AgentTokenVerdict.RateLimited:
                Context.Items[RateLimitedItem] = true;
                return AuthenticateResult.Fail("Too many failed agent authentications from this client.");
            default:
                return AuthenticateResult.Fail("The agent token is not valid.");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(RateLimitedItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(limiter.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
