using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Who may call what. Built on ASP.NET Core authentication schemes and authorization policies,
/// not endpoint filters: JwtBearer is a scheme already, policies compose per endpoint or group,
/// and a challenge happens before any binding, so an unauthenticated request never reaches
/// body parsing or a handler.
/// </summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddMissionControlAuthentication(this IServiceCollection services, ServiceSettings settings)
    {
        var schemes = services.AddAuthentication();
        if (settings.AuthMode == AuthMode.Jwt)
            schemes.AddJwtBearer(AuthSchemes.User, jwt => ConfigureJwt(jwt, settings));
        else
            schemes.AddScheme<AuthenticationSchemeOptions, LocalTokenHandler>(AuthSchemes.User, null);
        schemes.AddScheme<AuthenticationSchemeOptions, AgentTokenHandler>(AuthSchemes.Agent, null);
        schemes.AddScheme<AuthenticationSchemeOptions, UserOrAgentHandler>(AuthSchemes.UserOrAgent,
            options => options.ForwardChallenge = AuthSchemes.Agent);
        schemes.AddScheme<AuthenticationSchemeOptions, InboxKeyHandler>(AuthSchemes.InboxKey, null);
        schemes.AddScheme<AuthenticationSchemeOptions, ClusterDashboardHandler>(AuthSchemes.ClusterDashboard, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.User, policy => policy.AddAuthenticationSchemes(AuthSchemes.User).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Agent, policy => policy.AddAuthenticationSchemes(AuthSchemes.Agent).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.UserOrAgent, policy => policy.AddAuthenticationSchemes(AuthSchemes.UserOrAgent).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.InboxKey, policy => policy.AddAuthenticationSchemes(AuthSchemes.InboxKey).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.ClusterOperator, policy => policy.AddAuthenticationSchemes(AuthSchemes.ClusterDashboard).RequireAuthenticatedUser());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAgentTokenDirectory, UnwiredAgentTokenDirectory>();
        services.TryAddSingleton<IAgentTokenVerifier, Pbkdf2AgentTokenVerifier>();
        services.AddSingleton<VerifiedAgentTokenCache>();
        services.AddSingleton<FailedAuthLimiter>();
        services.AddSingleton<AgentTokenAuthenticator>();
        services.AddSingleton<InboxKeyAuthenticator>();
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, ServiceSettings settings)
    {
        var authority = new Uri(settings.JwtAuthority!);
        jwt.Authority = authority.ToString();
        jwt.Audience = settings.JwtAudience;
        jwt.MapInboundClaims = false; // keep "sub", "email", "name" as the issuer wrote them
        jwt.RequireHttpsMetadata = !authority.IsLoopback; // ServiceSettings accepts http only on loopback
    }
}
