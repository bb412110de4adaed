using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// The agent inbox (<c>/api/gateway/*</c>): the <c>X-Api-Key</c> header. Every failure is a 401
/// with a detail saying what was wrong (a missing header included, never a 422), or a 429 once the
/// client is over its failure budget. The key itself never reaches a log.
/// </summary>
internal sealed class InboxKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    InboxKeyAuthenticator authenticator,
    FailedAuthLimiter limiter)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";
    public const string MissingKey = "Missing X-Api-Key header";
    public const string InvalidKey = "Invalid API key";

    /// <summary>Longest value worth hashing: keys are 46 characters, agent tokens 43.</summary>
    private const int MaxKeyLength = 256;

    private const string VerdictItem = "MissionControl.InboxKeyVerdict";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString().Trim();
        if (key.Length == 0)
            return AuthenticateResult.NoResult();

        var outcome = key.Length > MaxKeyLength
            ? new AgentTokenOutcome(AgentTokenVerdict.Rejected)
            : await authenticator.AuthenticateAsync(key, RequestTokens.ClientKey(Context), Context.RequestAborted);
        Context.Items[VerdictItem] = outcome.Verdict;
        return outcome.Verdict == AgentTokenVerdict.Accepted
            ? AuthenticateResult.Success(new AuthenticationTicket(AgentCaller.Principal(outcome.Agent!, Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("The API key was not accepted.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var verdict = Context.Items[VerdictItem] as AgentTokenVerdict?;
        if (verdict == AgentTokenVerdict.RateLimited)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(limiter.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Task.CompletedTask;
        }

        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return ApiErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, verdict is null ? MissingKey : InvalidKey);
    }
}
