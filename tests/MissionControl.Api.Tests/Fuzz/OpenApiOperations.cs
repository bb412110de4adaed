using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Fuzz;

/// <summary>One operation of the OpenAPI document, with what a fuzzer needs to aim at it.</summary>
public sealed record OpenApiOperation(
    string Method,
    string Path,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyList<string> Tags,
    bool HasJsonBody,
    IReadOnlyList<string> StringProperties)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the service's own OpenAPI document into <see cref="OpenApiOperation"/>s.</summary>
public static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<IReadOnlyList<OpenApiOperation>> ReadAsync(HttpClient client)
    {
        var document = await (await client.GetAsync("/openapi.json")).JsonAsync();
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var found)
            ? found
            : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (path.Value.TryGetProperty(method, out var operation))
                    operations.Add(Read(method.ToUpperInvariant(), path.Name, operation, schemas));
            }
        }

        return operations;
    }

    private static OpenApiOperation Read(string method, string path, JsonElement operation, JsonElement schemas)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        string[] Named(string location) => [.. parameters
            .Where(parameter => parameter.GetProperty("in").GetString() == location)
            .Select(parameter => parameter.GetProperty("name").GetString()!)];
        var tags = operation.TryGetProperty("tags", out var tagList) ? tagList.EnumerateArray().Select(tag => tag.GetString()!).ToArray() : [];
        var body = JsonBodySchema(operation, schemas);
        return new OpenApiOperation(method, path, Named("path"), Named("query"), tags, body is not null, body is null ? [] : StringProperties(body.Value, schemas));
    }

    private static JsonElement? JsonBodySchema(JsonElement operation, JsonElement schemas) =>
        operation.TryGetProperty("requestBody", out var body)
        && body.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? Resolve(schema, schemas)
            : null;

    private static string[] StringProperties(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Where(property => AllowsString(Resolve(property.Value, schemas))).Select(property => property.Name)]
            : [];

    private static bool AllowsString(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == "string"
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(item => item.GetString() == "string"));

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
            return schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }
}
