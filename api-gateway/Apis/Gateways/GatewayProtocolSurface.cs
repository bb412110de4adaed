
namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>What <c>GET /gateways/commands</c> lists: the protocol, methods and events Mission Control uses.</summary>
internal static class GatewayProtocolSurface
{
    public const int ProtocolVersion = 3;

    public static readonly GatewayCommands Commands = new(
        ProtocolVersion,
        [
            "health",
            "config.get",
            "config.patch",
            "agents.list",
            "agents.create",
            "agents.update",
            "agents.delete",
            "agents.files.list",
            "agents.files.get",
            "agents.files.set",
            "sessions.list",
            "sessions.patch",
            "sessions.reset",
            "sessions.delete",
            "chat.send",
            "chat.history",
        ],
        ["connect.challenge", "agent", "chat", "sessions.changed", "presence", "tick", "shutdown", "health", "heartbeat", "cron"]);
}
