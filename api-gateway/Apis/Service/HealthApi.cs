using Microsoft.Extensions.Diagnostics.HealthChecks;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;
using Npgsql;

namespace MissionControl.ApiGateway.Apis.Service;

/// <summary>
/// Liveness (the process answers) and readiness: the framework's health checks that the database
/// is migrated, that this silo is an active member of the cluster, and that the database answers.
/// <c>/readyz</c> keeps the contract's body (<c>{"ok": …, "detail": …}</c>, the first failing check's
/// description), which the framework's own health-check endpoint would not write.
/// </summary>
public static class HealthApi
{
    // In the order a starting service passes them, so the detail names what it waits for first.
    private static readonly string[] ReadinessChecks = ["migrations", "cluster", "database"];

    public static IServiceCollection AddMissionControlHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<MigrationsApplied>(ReadinessChecks[0])
            .AddCheck<ClusterMembership>(ReadinessChecks[1])
            .AddCheck<DatabaseAnswers>(ReadinessChecks[2]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Live).WithName("Health").WithTags("health");
        app.MapGet("/healthz", Live).WithName("Healthz").WithTags("health");
        app.MapGet("/readyz", Ready).WithName("Readyz").WithTags("health");
        return app;
    }

    public static IResult Live() => Results.Ok(new { ok = true });

    public static async Task<IResult> Ready(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        if (report.Status == HealthStatus.Healthy)
            return Results.Ok(new { ok = true });
        var detail = ReadinessChecks.Select(name => report.Entries[name]).First(entry => entry.Status != HealthStatus.Healthy).Description;
        return Results.Json(new { ok = false, detail }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private sealed class MigrationsApplied(DatabaseReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(readiness.IsMigrated
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("database migrations have not been applied yet"));
    }

    private sealed class ClusterMembership(SiloReadiness silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(silo.IsActive
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("this silo has not joined the cluster yet"));
    }

    private sealed class DatabaseAnswers(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var command = dataSource.CreateCommand("select 1");
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await command.ExecuteScalarAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }
        }
    }
}
