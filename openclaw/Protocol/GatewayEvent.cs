using System.Text.Json;

namespace MissionControl.OpenClaw.Protocol;

/// <summary>A server-pushed event frame (<c>tick</c>, <c>chat</c>, <c>config.changed</c>, ...).</summary>
/// <param name="Name">The <c>event</c> field.</param>
/// <param name="Payload">The payload, detached from the frame buffer.</param>
/// <param name="Seq">Per-connection sequence number, when set.</param>
public sealed record GatewayEvent(string Name, JsonElement Payload, long? Seq);
