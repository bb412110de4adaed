using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi.json</c>. Agents read it and pick their operations by
/// role tag, so agent-facing endpoints declare roles with <see cref="WithAgentRoles{TBuilder}"/>.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi.json";

    public static IServiceCollection AddMissionControlOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Mission Control API";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribePaging);
        });

    public static IEndpointRouteBuilder MapMissionControlOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath);
        return app;
    }

    /// <summary>Tags the endpoint(s) with the agent roles that use them: <c>agent-lead</c>, <c>agent-worker</c>, <c>agent-main</c>.</summary>
    public static TBuilder WithAgentRoles<TBuilder>(this TBuilder builder, params AgentRole[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags([.. roles.Select(role => role.Tag())]);

    // PageRequest binds itself from the query, which the generator cannot see; list its parameters here.
    private static Task DescribePaging(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<PagedEndpoint>().Any())
            return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(QueryInteger("limit", PageRequest.DefaultLimit, 1, PageRequest.MaxLimit));
        operation.Parameters.Add(QueryInteger("offset", 0, 0, null));
        return Task.CompletedTask;
    }

    private static OpenApiParameter QueryInteger(string name, int fallback, int minimum, int? maximum) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Default = System.Text.Json.Nodes.JsonValue.Create(fallback),
            Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
