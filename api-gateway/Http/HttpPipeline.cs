using MissionControl.ApiGateway.Configuration;

namespace MissionControl.ApiGateway.Http;

/// <summary>The cross-cutting HTTP behaviour every /api/v1 route shares.</summary>
public static class HttpPipeline
{
    public static IServiceCollection AddMissionControlHttp(this IServiceCollection services, ApiLimits limits)
    {
        services.AddSingleton(limits);
        services.AddMissionControlJson();
        services.AddSingleton<EventStream>();
        return services;
    }

    /// <summary>
    /// Request ids first (so every response, even a failed one, carries one), then error
    /// translation around everything else, then the body limit, routing and authentication, then
    /// the caller stamped on the events the request causes, and last the refusal of text that is
    /// never valid input (after authentication, so a caller without credentials learns nothing
    /// about its input). Map endpoints after calling this.
    /// </summary>
    public static WebApplication UseMissionControlHttp(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActingCallerMiddleware>();
        app.UseMiddleware<InvalidTextMiddleware>();
        return app;
    }
}
