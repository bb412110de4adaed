using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Dashboard;

/// <summary>
/// The operator dashboard: a static page at <c>/</c> and its scripts and styles under
/// <c>/dashboard/</c>, served from the files next to the service's assembly, under the
/// <see cref="DashboardPolicy"/>. It signs in with the same bearer tokens as the API and reads
/// only the API; its one route of its own, <c>/dashboard/config.json</c>, tells it how to sign in.
/// </summary>
public static class DashboardSite
{
    public const string AssetsPath = "/dashboard";

    private static string Root => Path.Combine(AppContext.BaseDirectory, "Dashboard", "site");

    public static IServiceCollection AddMissionControlDashboard(this IServiceCollection services, ServiceSettings settings)
    {
        services.AddSingleton(DashboardSignIn.From(settings));
        services.AddSingleton<DashboardPolicy>();
        return services;
    }

    public static WebApplication UseMissionControlDashboard(this WebApplication app)
    {
        app.MapGet($"{AssetsPath}/config.json", (HttpContext context, DashboardSignIn signIn) =>
        {
            Protect(context.Response, DashboardPolicy.ForFiles);
            return TypedResults.Ok(signIn);
        }).ExcludeFromDescription();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Root),
            RequestPath = AssetsPath,
            OnPrepareResponse = context => Protect(context.Context.Response, DashboardPolicy.ForFiles),
        });
        app.MapGet("/", async (HttpContext context, DashboardPolicy policy) =>
        {
            Protect(context.Response, await policy.ForPageAsync(context.RequestAborted));
            return TypedResults.PhysicalFile(Path.Combine(Root, "index.html"), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static void Protect(HttpResponse response, string policy)
    {
        response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Small files, revalidated by their ETag on each load, so a new version shows at once.
        response.Headers[HeaderNames.CacheControl] = "no-cache";
    }
}

/// <summary>How the dashboard signs in: the auth mode, and the issuer to send people to when there is one.</summary>
public sealed record DashboardSignIn(string AuthMode, DashboardOidc? Oidc)
{
    public static DashboardSignIn From(ServiceSettings settings) => new(
        settings.AuthMode.ToString().ToLowerInvariant(),
        settings is { AuthMode: Configuration.AuthMode.Jwt, OidcClientId: { } clientId, JwtAuthority: { } authority }
            ? new DashboardOidc(authority, clientId, settings.OidcScope)
            : null);
}

/// <summary>An OpenID Connect issuer and the dashboard's public client there (authorization code with PKCE).</summary>
public sealed record DashboardOidc(string Authority, string ClientId, string Scope);
