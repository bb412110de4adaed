using System.Text.Json;
using System.Text.Json.Serialization;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// Writes strings so that PostgreSQL's <c>jsonb</c> can hold them: a NUL character (which
/// <c>jsonb</c> refuses) is stored as U+FFFD, the replacement character. Requests never carry
/// one (they are refused at the door), but events also record what gateways said, and an append
/// must not fail, losing what it acknowledged, because a gateway's error message held a NUL.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Storable(value));

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString()!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(Storable(value));

    private static string Storable(string value) => value.Contains('\0') ? value.Replace('\0', '\uFFFD') : value;
}
