using System.Text.Json;
using System.Text.Json.Serialization;

namespace MissionControl.ApiGateway.Http;

/// <summary>JSON conventions of the /api/v1 contract: snake_case names and strict input.</summary>
public static class ApiJson
{
    public static IServiceCollection AddMissionControlJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => Apply(options.SerializerOptions));

        // Binding failures must reach ApiErrorMiddleware as exceptions so they become 422s
        // with a detail; by default minimal APIs answer a bare 400 outside Development.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Applies the contract's settings to <paramref name="options"/> (also handy for tests' clients).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));

        // A missing constructor parameter or a null for a non-nullable one is a client error the
        // contract answers with 422, not a record silently built with nulls.
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        return options;
    }
}
