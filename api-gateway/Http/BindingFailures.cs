using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Describes why minimal-API binding refused a request, as <see cref="ValidationIssue"/>s. The
/// framework says so with an exception whose text is for people, so none of it is read here:
/// the request itself is looked at again (the body, kept by <see cref="InvalidTextMiddleware"/>,
/// against its type's JSON contract; the route, query and headers against the handler's
/// parameters) to find what did not bind and where.
/// </summary>
internal static class BindingFailures
{
    private static readonly IReadOnlyList<ValidationIssue> Unreadable = [new(["request"], "Value could not be parsed", "parsing")];
    private static readonly IReadOnlyList<ValidationIssue> NoBody = [new(["body"], "Field required", "missing")];

    public static IReadOnlyList<ValidationIssue> Describe(BadHttpRequestException ex, HttpContext context)
    {
        if (ex.InnerException is JsonException json)
            return DescribeBody(json, context);
        var issues = DescribeParameters(context);
        if (issues.Count > 0)
            return issues;
        return context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false } && HasNoBody(context.Request)
            ? NoBody
            : Unreadable;
    }

    private static IReadOnlyList<ValidationIssue> DescribeBody(JsonException json, HttpContext context)
    {
        if (ReadBody(context.Request) is not { } document)
            return [new ValidationIssue(["body"], "JSON decode error", "json_invalid")];
        using (document)
        {
            var path = LocationPath.Segments(json.Path);
            var element = At(document.RootElement, path);
            List<object> location = ["body", .. path];
            if (element?.ValueKind == JsonValueKind.Null)
                return [new ValidationIssue(location, "Field may not be null", "null_not_allowed")];
            var missing = element?.ValueKind == JsonValueKind.Object ? MissingProperties(element.Value, ContractAt(context, path)) : [];
            return missing.Count > 0
                ? [.. missing.Select(name => new ValidationIssue([.. location, name], "Field required", "missing"))]
                : [new ValidationIssue(location, "Value has the wrong type for this field", "type_error")];
        }
    }

    /// <summary>The body again, as JSON; null when it is not JSON at all.</summary>
    private static JsonDocument? ReadBody(HttpRequest request)
    {
        if (request.Body is not MemoryStream kept)
            return null;
        var json = JsonTextScan.WithoutByteOrderMark(kept.GetBuffer().AsSpan(0, (int)kept.Length));
        try
        {
            return JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>No body, an empty or blank one, or a JSON <c>null</c>: nothing was given.</summary>
    private static bool HasNoBody(HttpRequest request)
    {
        if (request.Body is not MemoryStream kept)
            return request.ContentLength is null or 0;
        if (kept.Length == 0 || kept.GetBuffer().AsSpan(0, (int)kept.Length).Trim(" \t\r\n"u8).IsEmpty)
            return true;
        using var document = ReadBody(request);
        return document?.RootElement.ValueKind == JsonValueKind.Null;
    }

    private static JsonElement? At(JsonElement root, List<object> path)
    {
        var element = root;
        foreach (var segment in path)
        {
            if (segment is int index && element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
                element = element[index];
            else if (segment is string name && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child))
                element = child;
            else
                return null;
        }

        return element;
    }

    /// <summary>The JSON contract of the body's type at <paramref name="path"/>, when the handler binds a typed body.</summary>
    private static JsonTypeInfo? ContractAt(HttpContext context, List<object> path)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } bodyType)
            return null;
        var options = SerializerOptions(context);
        var contract = options.GetTypeInfo(bodyType);
        foreach (var segment in path)
        {
            var next = segment is string name && contract.Kind == JsonTypeInfoKind.Object
                ? contract.Properties.FirstOrDefault(property => string.Equals(property.Name, name, NameComparison(options)))?.PropertyType
                : contract.ElementType;
            if (next is null)
                return null;
            contract = options.GetTypeInfo(next);
        }

        return contract;
    }

    /// <summary>The required properties (required members, constructor parameters without a default) the object lacks.</summary>
    private static List<string> MissingProperties(JsonElement value, JsonTypeInfo? contract)
    {
        if (contract?.Kind != JsonTypeInfoKind.Object)
            return [];
        var comparison = NameComparison(contract.Options);
        var given = value.EnumerateObject().Select(property => property.Name).ToList();
        return [.. contract.Properties
            .Where(property => property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false })
            .Select(property => property.Name)
            .Where(name => !given.Any(present => string.Equals(present, name, comparison)))];
    }

    private static JsonSerializerOptions SerializerOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    // The web defaults match property names without regard to case; so must the search for what is missing.
    private static StringComparison NameComparison(JsonSerializerOptions options) =>
        options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Each route, query or header parameter of the handler that is missing or does not parse; a missing body.</summary>
    private static List<ValidationIssue> DescribeParameters(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var issues = new List<ValidationIssue>();
        foreach (var parameter in metadata?.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (Source(parameter, context) is not { } source)
                continue;
            var raw = RawValue(source, parameter, context);
            if (string.IsNullOrEmpty(raw) && !parameter.IsOptional)
                issues.Add(new ValidationIssue([source, KeyOf(parameter)], "Field required", "missing"));
            else if (!string.IsNullOrEmpty(raw) && !Parses(raw, parameter.ParameterInfo.ParameterType))
                issues.Add(new ValidationIssue([source, KeyOf(parameter)], "Value could not be parsed", "parsing"));
        }

        return issues;
    }

    /// <summary>Where a parameter is read from, as minimal APIs decide it; null for bodies, services and the like.</summary>
    private static string? Source(IParameterBindingMetadata parameter, HttpContext context)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes();
        if (attributes.OfType<IFromHeaderMetadata>().Any())
            return "header";
        if (attributes.OfType<IFromQueryMetadata>().Any())
            return "query";
        if (attributes.OfType<IFromRouteMetadata>().Any())
            return "path";
        if (attributes.OfType<IFromBodyMetadata>().Any() || attributes.OfType<IFromServiceMetadata>().Any() || parameter.HasBindAsync)
            return null;
        if (context.Request.RouteValues.ContainsKey(parameter.Name))
            return "path";
        return parameter.HasTryParse || parameter.ParameterInfo.ParameterType == typeof(string) ? "query" : null;
    }

    private static string KeyOf(IParameterBindingMetadata parameter)
    {
        var attributes = parameter.ParameterInfo.GetCustomAttributes().ToList();
        return attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? attributes.OfType<IFromHeaderMetadata>().FirstOrDefault()?.Name
            ?? attributes.OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
            ?? parameter.Name;
    }

    private static string? RawValue(string source, IParameterBindingMetadata parameter, HttpContext context)
    {
        var key = KeyOf(parameter);
        if (source == "path")
            return context.Request.RouteValues.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        // Repeated keys reach the binder joined, as StringValues prints them.
        return source == "query" ? context.Request.Query[key].ToString() : context.Request.Headers[key].ToString();
    }

    /// <summary>Whether the value parses as minimal APIs would parse it: its type's TryParse, or an enum name.</summary>
    private static bool Parses(string raw, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return true;
        if (type.IsEnum)
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        var withCulture = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withCulture is not null)
            return (bool)withCulture.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [raw, null])!;
    }
}
