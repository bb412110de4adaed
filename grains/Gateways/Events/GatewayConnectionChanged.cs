using MissionControl.Runtime;

namespace MissionControl.Grains.Gateways.Events;

/// <summary>
/// How to reach the gateway changed (URL, token, TLS or pairing); the version check and the
/// gateway-main agent provisioning run again after this event.
/// </summary>
[EventName("gateway.connection_changed")]
public sealed record GatewayConnectionChanged(
    string Url,
    GatewaySecret? Token,
    bool AllowInsecureTls,
    bool DisableDevicePairing,
    DateTimeOffset At) : GatewayEvent(At);
