using FluentValidation;
using FluentValidation.Results;
using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// How request bodies are validated, the one way for every route: each body type has its
/// <see cref="RequestValidator{T}"/>, run before the handler by <see cref="Filter"/> (or, for a
/// body read from raw JSON, by <see cref="ThrowIfInvalid{T}"/>), and every violation of the body
/// is answered at once as one 422 in the contract's error shape.
/// </summary>
public static class RequestValidation
{
    public static IServiceCollection AddMissionControlValidation(this IServiceCollection services) =>
        services.AddValidatorsFromAssembly(typeof(RequestValidation).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

    /// <summary>
    /// An endpoint filter factory: for each handler argument whose type has validators, runs them
    /// before the handler. Endpoints without such arguments get no filter at all.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .SelectMany((parameter, index) => ValidatorsFor(context.ApplicationServices, parameter.ParameterType)
                .Select(validator => (Index: index, Validator: validator)))
            .ToArray();
        if (checks.Length == 0)
            return next;
        return async invocation =>
        {
            foreach (var (index, validator) in checks)
            {
                if (invocation.Arguments[index] is { } argument)
                    Throw(await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted));
            }

            return await next(invocation);
        };
    }

    /// <summary>Validates a body the handler read itself.</summary>
    /// <exception cref="ApiValidationException">Some rule failed.</exception>
    public static void ThrowIfInvalid<T>(this IValidator<T> validator, T body) => Throw(validator.Validate(body));

    private static IEnumerable<IValidator> ValidatorsFor(IServiceProvider services, Type type) =>
        services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(type))) as IEnumerable<IValidator> ?? [];

    private static void Throw(ValidationResult result)
    {
        if (!result.IsValid)
            throw new ApiValidationException([.. result.Errors.Select(Issue)]);
    }

    private static ValidationIssue Issue(ValidationFailure failure) =>
        new(["body", .. failure.CustomState as IReadOnlyList<object> ?? LocationPath.Segments(failure.PropertyName)], failure.ErrorMessage, failure.ErrorCode);
}
