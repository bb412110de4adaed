using MissionControl.Grains.Common;
using MissionControl.Runtime;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Turns every failure into the contract's <c>{"detail": …}</c> body: exceptions (domain errors,
/// binding failures, oversize bodies, bugs) and statuses set without a body (unknown routes,
/// authentication challenges, bare <c>Results.NotFound()</c>).
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var (status, detail) = Translate(ex, context);
            context.Response.Clear();
            await ApiErrors.WriteAsync(context, status, detail);
            return;
        }

        if (HasNoBody(context.Response))
            await ApiErrors.WriteAsync(context, context.Response.StatusCode, ApiErrors.ReasonPhrase(context.Response.StatusCode));
    }

    private (int Status, object Detail) Translate(Exception ex, HttpContext context) => ex switch
    {
        DomainException domain => (domain.HttpStatus, DomainDetail(domain)),
        ApiValidationException invalid => (StatusCodes.Status422UnprocessableEntity, invalid.Issues),
        BadGatewayException gateway => (StatusCodes.Status502BadGateway, gateway.Detail),
        // A gateway call that failed after the client's own retries: the gateway's own words.
        MissionControl.OpenClaw.Errors.GatewayException gateway => (StatusCodes.Status502BadGateway, gateway.Message),
        RequestBodyTooLargeException tooLarge => (StatusCodes.Status413PayloadTooLarge, tooLarge.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } binding =>
            (StatusCodes.Status422UnprocessableEntity, BindingFailures.Describe(binding, context)),
        BadHttpRequestException other => (other.StatusCode, other.Message),
        // A stale append, or a grain-state write from a version another writer moved past.
        ConcurrencyException or Orleans.Storage.InconsistentStateException =>
            (StatusCodes.Status409Conflict, ApiErrors.ReasonPhrase(StatusCodes.Status409Conflict)),
        // A silo that left the cluster, a message to a silo that died and is not yet declared
        // dead, or a grain that did not answer in time: try again.
        Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException or TimeoutException =>
            (StatusCodes.Status503ServiceUnavailable, ApiErrors.ReasonPhrase(StatusCodes.Status503ServiceUnavailable)),
        _ when IsDatabaseUnavailable(ex) => (StatusCodes.Status503ServiceUnavailable, ApiErrors.DatabaseUnavailable),
        _ => Unexpected(ex, context),
    };

    /// <summary>
    /// The database refused or dropped the connection, is restarting, or timed out: the request
    /// was not acknowledged, and may be sent again once the database is back. The error may come
    /// wrapped (by the event store, or as the cause of a grain call's failure).
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception ex)
    {
        for (var cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is Npgsql.NpgsqlException { IsTransient: true })
                return true;
        }
        return false;
    }

    /// <summary>A plain string, or <c>{message, code?, …fields}</c> when the error carries a code or fields.</summary>
    private static object DomainDetail(DomainException domain)
    {
        if (domain.Code is null && domain.Fields is null)
            return domain.Detail;
        var detail = new Dictionary<string, object> { ["message"] = domain.Detail };
        if (domain.Code is not null)
            detail["code"] = domain.Code;
        foreach (var (key, value) in domain.Fields ?? new Dictionary<string, object>())
            detail[key] = value;
        return detail;
    }

    private (int, object) Unexpected(Exception ex, HttpContext context)
    {
        // Path only: query strings and headers may carry tokens.
        logger.LogError(ex, "Unhandled {ExceptionType} for {Method} {Path} (request {RequestId})",
            ex.GetType().Name, context.Request.Method, context.Request.Path, context.TraceIdentifier);
        return (StatusCodes.Status500InternalServerError, ApiErrors.InternalServerError);
    }

    private static bool HasNoBody(HttpResponse response) =>
        !response.HasStarted
        && response.StatusCode >= 400
        && response.ContentLength is null
        && string.IsNullOrEmpty(response.ContentType);
}
