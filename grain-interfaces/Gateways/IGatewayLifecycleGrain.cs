using Orleans;

namespace MissionControl.GrainInterfaces.Gateways;

/// <summary>
/// The workflows around one gateway (keyed by its id), each one call from the API: registering
/// it, changing its settings, deleting it, with the gateway checked over new settings first and
/// its main agent kept in step. The gateway's own rules stay with <see cref="IGatewayGrain"/>.
/// </summary>
[Alias("mc.gateway-lifecycle")]
public interface IGatewayLifecycleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks the fields (422), then that the gateway answers and is recent enough (422 when too
    /// old, a gateway error "Gateway compatibility check failed: …" when unreachable), registers
    /// it, and creates and provisions its main agent. A failed check registers nothing.
    /// </summary>
    [Alias("register")]
    Task<GatewayView> Register(NewGateway gateway);

    /// <summary>
    /// Changes the gateway. New connection settings are checked against the gateway before they
    /// are saved; the main agent is then provisioned again over them (or created when missing,
    /// or renamed along with the gateway when it still carries the gateway's old name).
    /// </summary>
    [Alias("change")]
    Task<GatewayView> Change(GatewayChanges changes);

    /// <summary>
    /// Deletes the gateway, then its main agents (the one it names and any other made main). The
    /// gateway goes first, so the agents' own deletion finds no gateway to clean up: the gateway
    /// itself is left as it is.
    /// </summary>
    [Alias("delete")]
    Task Delete();
}
