using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace MissionControl.ApiGateway.Dashboard;

/// <summary>
/// The operator dashboard: a static page at <c>/</c> and its scripts and styles under
/// <c>/dashboard/</c>, served from the files next to the service's assembly. It signs in with the
/// same bearer tokens as the API and reads only the API, so it needs no routes of its own.
/// </summary>
public static class DashboardSite
{
    public const string AssetsPath = "/dashboard";

    // The page only loads its own files and talks to its own origin; agents' and users' text is
    // set as text, and this policy keeps any script that slipped in from running or calling out.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static string Root => Path.Combine(AppContext.BaseDirectory, "Dashboard", "site");

    public static WebApplication UseMissionControlDashboard(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = AssetsPath,
            OnPrepareResponse = context => Protect(context.Context.Response),
        });
        app.MapGet("/", (HttpContext context) =>
        {
            Protect(context.Response);
            return TypedResults.PhysicalFile(Path.Combine(Root, "index.html"), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    private static void Protect(HttpResponse response)
    {
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        // Small files, revalidated by their ETag on each load, so a new version shows at once.
        response.Headers[HeaderNames.CacheControl] = "no-cache";
    }
}
