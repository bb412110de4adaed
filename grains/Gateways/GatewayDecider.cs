using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.Events;

namespace MissionControl.Grains.Gateways;

/// <summary>Gateway rules: required name, ws/wss URL and workspace root; token kept write-only. Pure.</summary>
public static class GatewayDecider
{
    /// <summary>Decides the events for <paramref name="command"/> (state is null for a new stream).</summary>
    public static IReadOnlyList<GatewayEvent> Decide(GatewayState? state, GatewayCommand command) => command switch
    {
        RegisterGateway c => Register(state, c),
        UpdateGateway c => Update(RequireLive(state), c),
        AssignGatewayMainAgent c => RequireLive(state).MainAgentId == c.AgentId ? [] : [new GatewayMainAgentAssigned(c.AgentId, c.Now)],
        DeleteGateway c => state is null || state.IsDeleted ? [] : [new GatewayDeleted(c.Now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown gateway command"),
    };

    private static IReadOnlyList<GatewayEvent> Register(GatewayState? state, RegisterGateway command)
    {
        if (state is not null)
        {
            throw DomainError.Conflict("Gateway already exists");
        }

        return
        [
            new GatewayRegistered(
                command.GatewayId, command.OrganizationId, RequireName(command.Name), RequireUrl(command.Url),
                ToSecret(command.Token), RequireWorkspaceRoot(command.WorkspaceRoot), command.AllowInsecureTls,
                command.DisableDevicePairing, command.Now),
        ];
    }

    private static IReadOnlyList<GatewayEvent> Update(GatewayState gateway, UpdateGateway command)
    {
        var events = new List<GatewayEvent>();
        var name = command.Name is null ? gateway.Name : RequireName(command.Name);
        var root = command.WorkspaceRoot is null ? gateway.WorkspaceRoot : RequireWorkspaceRoot(command.WorkspaceRoot);
        if (name != gateway.Name || root != gateway.WorkspaceRoot)
        {
            events.Add(new GatewayDetailsChanged(name, root, command.Now));
        }

        var url = command.Url is null ? gateway.Url : RequireUrl(command.Url);
        var token = command.Token is null ? gateway.Token : ToSecret(command.Token);
        var insecure = command.AllowInsecureTls ?? gateway.AllowInsecureTls;
        var noPairing = command.DisableDevicePairing ?? gateway.DisableDevicePairing;
        if (url != gateway.Url || !Equals(token, gateway.Token) || insecure != gateway.AllowInsecureTls
            || noPairing != gateway.DisableDevicePairing)
        {
            events.Add(new GatewayConnectionChanged(url, token, insecure, noPairing, command.Now));
        }

        return events;
    }

    private static string RequireName(string? name) =>
        Text.TrimToNull(name) ?? throw DomainError.Validation("name is required");

    private static string RequireWorkspaceRoot(string? root) =>
        Text.TrimToNull(root) ?? throw DomainError.Validation("workspace_root is required");

    private static string RequireUrl(string? url)
    {
        var text = Text.TrimToNull(url) ?? throw DomainError.Validation("url is required");
        var isGatewayUrl = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss";
        return isGatewayUrl ? text : throw DomainError.Validation("url must be a ws:// or wss:// URL");
    }

    private static GatewaySecret? ToSecret(string? token) =>
        Text.TrimToNull(token) is { } value ? new GatewaySecret(value) : null;

    private static GatewayState RequireLive(GatewayState? state) =>
        state is null || state.IsDeleted ? throw DomainError.NotFound("Gateway not found") : state;
}
