using System.Text.Json;
using System.Text.Json.Serialization;

namespace MissionControl.Grains.Gateways;

/// <summary>
/// A gateway token. Write-only by construction: it prints as a mask, is absent from
/// <see cref="GatewayViews"/>, and can only be read through <see cref="Reveal"/>, which the
/// gateway client calls when it connects. It is persisted (the connection needs it), so it
/// serialises as its plain value.
/// </summary>
[JsonConverter(typeof(GatewaySecretJsonConverter))]
public sealed class GatewaySecret : IEquatable<GatewaySecret>
{
    private const string Mask = "***";
    private readonly string value;

    /// <summary>Wraps a token value.</summary>
    public GatewaySecret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        this.value = value;
    }

    /// <summary>The token itself, for the gateway connection only.</summary>
    public string Reveal() => value;

    /// <summary>Always the mask, so logs and record printing never show the token.</summary>
    public override string ToString() => Mask;

    /// <inheritdoc />
    public bool Equals(GatewaySecret? other) => other is not null && other.value == value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GatewaySecret);

    /// <inheritdoc />
    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Stores a <see cref="GatewaySecret"/> as a plain JSON string.</summary>
public sealed class GatewaySecretJsonConverter : JsonConverter<GatewaySecret>
{
    /// <inheritdoc />
    public override GatewaySecret? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { Length: > 0 } text ? new GatewaySecret(text) : null;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GatewaySecret value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Reveal());
}
