using System.Text.Json;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

/// <summary>Raw request/response access to one gateway.</summary>
public interface IGatewayRpc
{
    /// <summary>The gateway this client talks to.</summary>
    string GatewayId { get; }

    /// <summary>Details from the most recent successful handshake, if any.</summary>
    GatewayServerInfo? ServerInfo { get; }

    /// <summary>Raised for every event frame except <c>connect.challenge</c>. Handlers must not block.</summary>
    event EventHandler<GatewayEvent>? EventReceived;

    /// <summary>
    /// Calls <paramref name="method"/> and returns the response payload. Throws
    /// <see cref="Errors.GatewayException"/> on gateway errors, transport failures and timeouts.
    /// </summary>
    Task<JsonElement> CallAsync(string method, object? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
