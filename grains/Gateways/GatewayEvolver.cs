using MissionControl.Grains.Gateways.Events;

namespace MissionControl.Grains.Gateways;

/// <summary>Folds gateway events into <see cref="GatewayState"/>; never throws.</summary>
public static class GatewayEvolver
{
    /// <summary>The state after <paramref name="evt"/>.</summary>
    public static GatewayState? Apply(GatewayState? state, GatewayEvent evt)
    {
        if (evt is GatewayRegistered e)
        {
            return new GatewayState(
                e.GatewayId, e.OrganizationId, e.Name, e.Url, e.Token, e.WorkspaceRoot, e.AllowInsecureTls,
                e.DisableDevicePairing, MainAgentId: null, IsDeleted: false, e.At, e.At);
        }

        return state is null ? null : ApplyToExisting(state, evt) with { UpdatedAt = evt.At };
    }

    /// <summary>The state after all <paramref name="events"/>.</summary>
    public static GatewayState? Fold(IEnumerable<GatewayEvent> events, GatewayState? state = null) =>
        events.Aggregate(state, Apply);

    private static GatewayState ApplyToExisting(GatewayState state, GatewayEvent evt) => evt switch
    {
        GatewayConnectionChanged e => state with
        {
            Url = e.Url,
            Token = e.Token,
            AllowInsecureTls = e.AllowInsecureTls,
            DisableDevicePairing = e.DisableDevicePairing,
        },
        GatewayDetailsChanged e => state with { Name = e.Name, WorkspaceRoot = e.WorkspaceRoot },
        GatewayMainAgentAssigned e => state with { MainAgentId = e.AgentId },
        GatewayDeleted => state with { IsDeleted = true },
        _ => state,
    };
}
