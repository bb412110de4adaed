using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Routes open to both users and agents. User authentication is tried first unless the request
/// names itself an agent with <c>X-Agent-Token</c>; then the agent scheme. A bearer credential
/// shaped like a JWT is never tried as an agent token (minted agent tokens contain no dots), so an
/// operator's expired JWT does not count against the agent failure limit. Challenges go to the
/// agent scheme, which knows whether to answer 401 or 429.
/// </summary>
internal sealed class UserOrAgentHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var namedAgent = RequestTokens.HasAgentTokenHeader(Request);
        if (!namedAgent)
        {
            var user = await Context.AuthenticateAsync(AuthSchemes.User);
            if (user.Succeeded)
                return Rewrap(user);
            if (RequestTokens.Bearer(Request)?.Contains('.') == true)
                return user.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(user.Failure!);
        }

        var agent = await Context.AuthenticateAsync(AuthSchemes.Agent);
        if (agent.Succeeded)
            return Rewrap(agent);
        return agent.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(agent.Failure!);
    }

    private AuthenticateResult Rewrap(AuthenticateResult inner) =>
        AuthenticateResult.Success(new AuthenticationTicket(inner.Principal!, Scheme.Name));
}
