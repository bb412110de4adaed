using System.Text.Json;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

/// <summary>A parsed inbound frame: a response or an event. Elements are cloned so the buffer can be reused.</summary>
internal abstract record IncomingFrame
{
    public static IncomingFrame? Parse(ReadOnlySpan<byte> utf8)
    {
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        return JsonRead.String(root, "type") switch
        {
            "res" => ParseResponse(root),
            "event" => ParseEvent(root),
            _ => null,
        };
    }

    private static ResponseFrame? ParseResponse(JsonElement root)
    {
        var id = JsonRead.String(root, "id");
        if (id is null)
            return null;
        var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var error = root.TryGetProperty("error", out var e) ? GatewayErrorFrame.Parse(e.Clone()) : null;
        return new ResponseFrame(id, JsonRead.Bool(root, "ok") == true, payload, error);
    }

    private static EventFrame? ParseEvent(JsonElement root)
    {
        var name = JsonRead.String(root, "event");
        if (name is null)
            return null;
        var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        return new EventFrame(new GatewayEvent(name, payload, JsonRead.Long(root, "seq")));
    }
}

internal sealed record ResponseFrame(string Id, bool Ok, JsonElement Payload, GatewayErrorFrame? Error) : IncomingFrame;

internal sealed record EventFrame(GatewayEvent Event) : IncomingFrame;
