namespace MissionControl.Grains.Common;

/// <summary>
/// Thrown by a decider when a command breaks a rule. Nothing has been decided when it is
/// thrown, so the caller appends no events. <see cref="Detail"/> is the client-facing text
/// (clients match on some of these strings, so keep them stable); <see cref="Code"/> is an
/// optional machine-readable code for errors whose upstream body is an object.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates a domain error of the given kind.</summary>
    public DomainException(DomainErrorKind kind, string detail, string? code = null)
        : base(detail)
    {
        Kind = kind;
        Detail = detail;
        Code = code;
    }

    /// <summary>Which family of rule was broken; decides the HTTP status.</summary>
    public DomainErrorKind Kind { get; }

    /// <summary>Client-facing explanation, the <c>detail</c> of the error body.</summary>
    public string Detail { get; }

    /// <summary>Optional stable code, e.g. <c>task_board_mismatch</c>.</summary>
    public string? Code { get; }

    /// <summary>
    /// Extra members of an object detail (snake_case keys, e.g. <c>blocked_by_task_ids</c>), for
    /// errors whose upstream body lists what was wrong. Null for plain errors.
    /// </summary>
    public IReadOnlyDictionary<string, object>? Fields { get; init; }

    /// <summary>The HTTP status code for <see cref="Kind"/>.</summary>
    public int HttpStatus => Kind.ToHttpStatus();
}

/// <summary>Short constructors for domain errors, so rules read as one line.</summary>
public static class DomainError
{
    /// <summary>Reason phrase used when upstream answers 404 without a detail.</summary>
    public const string NotFoundPhrase = "Not Found";

    /// <summary>Reason phrase used when upstream answers 403 without a detail.</summary>
    public const string ForbiddenPhrase = "Forbidden";

    /// <summary>Reason phrase used when upstream answers 409 without a detail.</summary>
    public const string ConflictPhrase = "Conflict";

    /// <summary>A 422-style error.</summary>
    public static DomainException Validation(string detail, string? code = null) =>
        new(DomainErrorKind.Validation, detail, code);

    /// <summary>A 404-style error.</summary>
    public static DomainException NotFound(string detail = NotFoundPhrase) =>
        new(DomainErrorKind.NotFound, detail);

    /// <summary>A 409-style error.</summary>
    public static DomainException Conflict(string detail, string? code = null) =>
        new(DomainErrorKind.Conflict, detail, code);

    /// <summary>A 403-style error.</summary>
    public static DomainException Forbidden(string detail = ForbiddenPhrase, string? code = null) =>
        new(DomainErrorKind.Forbidden, detail, code);
}
