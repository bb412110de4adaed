using System.Text.Json;
using System.Text.Json.Serialization;

namespace MissionControl.OpenClaw.Protocol;

/// <summary>Serializer settings for gateway params: camelCase, and nulls left out because every schema is closed.</summary>
public static class GatewayJson
{
    /// <summary>The shared options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
