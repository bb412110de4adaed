using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// The <c>limit</c>/<c>offset</c> query of a list endpoint. Take it as a handler parameter and it
/// is parsed and checked before the handler runs (bad values answer 422), and the endpoint's
/// OpenAPI operation lists both query parameters.
/// </summary>
public sealed record PageRequest(int Limit, int Offset) : IEndpointParameterMetadataProvider
{
    public const int MaxLimit = PageLimits.MaxLimit;
    public const int DefaultLimit = PageLimits.MaxLimit;

    /// <summary>Minimal-API binding hook.</summary>
    public static ValueTask<PageRequest?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<PageRequest?>(Parse(context.Request.Query));

    /// <exception cref="ApiValidationException">Either value is not a whole number or is out of range.</exception>
    public static PageRequest Parse(IQueryCollection query)
    {
        var issues = new List<ValidationIssue>();
        var limit = Read(query, "limit", DefaultLimit, 1, MaxLimit, issues);
        var offset = Read(query, "offset", 0, 0, int.MaxValue, issues);
        return issues.Count == 0 ? new PageRequest(limit, offset) : throw new ApiValidationException(issues);
    }

    /// <summary>Wraps one page of rows and the total the query matched.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> items, long total) => new(items, total, Limit, Offset);

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(PagedEndpoint.Instance);

    private static int Read(IQueryCollection query, string name, int fallback, int min, int max, List<ValidationIssue> issues)
    {
        var values = query[name];
        if (values.Count == 0)
            return fallback;
        if (!int.TryParse(values[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            issues.Add(new ValidationIssue(["query", name], "Input should be a valid integer", "int_parsing"));
            return fallback;
        }

        if (value < min)
            issues.Add(new ValidationIssue(["query", name], $"Input should be greater than or equal to {min}", "greater_than_equal"));
        else if (value > max)
            issues.Add(new ValidationIssue(["query", name], $"Input should be less than or equal to {max}", "less_than_equal"));
        return value;
    }
}

/// <summary>Endpoint metadata marking a <see cref="PageRequest"/> consumer, for the OpenAPI document.</summary>
public sealed class PagedEndpoint
{
    public static readonly PagedEndpoint Instance = new();

    private PagedEndpoint()
    {
    }
}
