using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;
using Npgsql;

namespace MissionControl.ApiGateway.Apis;

/// <summary>
/// Liveness (the process answers) and readiness (the database answers and is migrated, and this
/// silo is an active member of the cluster).
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Live).WithName("Health").WithTags("health");
        app.MapGet("/healthz", Live).WithName("Healthz").WithTags("health");
        app.MapGet("/readyz", Ready).WithName("Readyz").WithTags("health");
        return app;
    }

    public static IResult Live() => Results.Ok(new { ok = true });

    public static async Task<IResult> Ready(DatabaseReadiness readiness, SiloReadiness silo, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        if (!readiness.IsMigrated)
            return NotReady("database migrations have not been applied yet");
        if (!silo.IsActive)
            return NotReady("this silo has not joined the cluster yet");
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await command.ExecuteScalarAsync(timeout.Token);
            return Results.Ok(new { ok = true });
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return NotReady("database unreachable");
        }
    }

    private static IResult NotReady(string detail) =>
        Results.Json(new { ok = false, detail }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
