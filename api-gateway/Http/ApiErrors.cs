using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MissionControl.ApiGateway.Http;

/// <summary>Writes <see cref="ErrorBody"/> responses and names statuses the way the contract does.</summary>
public static class ApiErrors
{
    public const string InternalServerError = "Internal Server Error";

    public const string DatabaseUnavailable = "The database is unavailable; try again shortly.";

    /// <summary>
    /// The detail of an error that has nothing more specific to say: the status's reason phrase,
    /// which is what clients of the contract see for a bare 401, 403, 404 or 409.
    /// </summary>
    public static string ReasonPhrase(int status) => status switch
    {
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
    };

    public static Task WriteAsync(HttpContext context, int status, object detail)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(detail, context.TraceIdentifier), json);
    }
}
