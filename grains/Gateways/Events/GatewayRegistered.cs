using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Events;

/// <summary>A gateway was registered.</summary>
[EventName("gateway.registered")]
public sealed record GatewayRegistered(
    Guid GatewayId,
    Guid OrganizationId,
    string Name,
    string Url,
    GatewaySecret? Token,
    string WorkspaceRoot,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    DateTimeOffset At) : GatewayEvent(At);
