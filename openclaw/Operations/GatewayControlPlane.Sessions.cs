using System.Text.Json;

namespace MissionControl.OpenClaw.Operations;

// Reading sessions and transcripts, for operators looking at a gateway.
public sealed partial class GatewayControlPlane
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonElement>> ListSessionsAsync(CancellationToken cancellationToken = default) =>
        PayloadReaders.Objects(await Run("sessions.list", null, cancellationToken), "sessions");

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonElement>> GetChatHistoryAsync(string sessionKey, int? limit = null, CancellationToken cancellationToken = default) =>
        PayloadReaders.Objects(await Run("chat.history", new ChatHistoryParams(Required(sessionKey), limit), cancellationToken), "messages");
}
