namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Every error this service answers with: <c>{"detail": …, "request_id": …}</c>. The detail is a
/// string for most errors, a list of <see cref="ValidationIssue"/> for input that failed
/// validation, or a small object when a domain error carries a machine-readable code.
/// </summary>
public sealed record ErrorBody(object Detail, string RequestId);

/// <summary>
/// One problem with the input. <c>loc</c> says where (<c>["body", "name"]</c>,
/// <c>["query", "limit"]</c>), <c>msg</c> what is wrong, <c>type</c> a stable code for it.
/// </summary>
public sealed record ValidationIssue(IReadOnlyList<object> Loc, string Msg, string Type);

/// <summary>Thrown by binding and parsing code when input is well-formed HTTP but invalid: answered with 422.</summary>
public sealed class ApiValidationException(IReadOnlyList<ValidationIssue> issues)
    : Exception("The request failed validation.")
{
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;
}

/// <summary>Thrown when a request body passes the configured size limit: answered with 413.</summary>
public sealed class RequestBodyTooLargeException(long limit)
    : Exception($"Request body exceeds maximum size of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
