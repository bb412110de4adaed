namespace MissionControl.Grains.Common;

/// <summary>
/// The category of a rule violation. Each kind maps to exactly one HTTP status so the front
/// door can translate a domain error without knowing which rule failed.
/// </summary>
public enum DomainErrorKind
{
    /// <summary>The request is well-formed but breaks a rule about its content (422).</summary>
    Validation,

    /// <summary>The entity does not exist, or the caller may not know that it exists (404).</summary>
    NotFound,

    /// <summary>The request clashes with the entity's current state (409).</summary>
    Conflict,

    /// <summary>The caller is known but not allowed to do this (403).</summary>
    Forbidden,
}

/// <summary>HTTP mapping for <see cref="DomainErrorKind"/>.</summary>
public static class DomainErrorKindExtensions
{
    /// <summary>The HTTP status code a front door should answer with for this kind.</summary>
    public static int ToHttpStatus(this DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => 422,
        DomainErrorKind.NotFound => 404,
        DomainErrorKind.Conflict => 409,
        DomainErrorKind.Forbidden => 403,
        _ => 500,
    };
}
