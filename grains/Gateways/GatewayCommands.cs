namespace MissionControl.Grains.Gateways;

/// <summary>Base of gateway commands; <paramref name="Now"/> comes from the caller.</summary>
public abstract record GatewayCommand(DateTimeOffset Now);

/// <summary>Register a gateway.</summary>
public sealed record RegisterGateway(
    Guid GatewayId,
    Guid OrganizationId,
    string Name,
    string Url,
    string WorkspaceRoot,
    DateTimeOffset Now) : GatewayCommand(Now)
{
    /// <summary>Connection token; blank means none.</summary>
    public string? Token { get; init; }

    /// <summary>Skip TLS verification for wss.</summary>
    public bool AllowInsecureTls { get; init; }

    /// <summary>Connect without device pairing.</summary>
    public bool DisableDevicePairing { get; init; }
}

/// <summary>Change a gateway; null properties stay. A blank token clears it.</summary>
public sealed record UpdateGateway(DateTimeOffset Now) : GatewayCommand(Now)
{
    /// <summary>New name.</summary>
    public string? Name { get; init; }

    /// <summary>New URL.</summary>
    public string? Url { get; init; }

    /// <summary>New workspace root.</summary>
    public string? WorkspaceRoot { get; init; }

    /// <summary>New token; blank clears it.</summary>
    public string? Token { get; init; }

    /// <summary>New TLS setting.</summary>
    public bool? AllowInsecureTls { get; init; }

    /// <summary>New pairing setting.</summary>
    public bool? DisableDevicePairing { get; init; }
}

/// <summary>Record the gateway's main agent.</summary>
public sealed record AssignGatewayMainAgent(Guid AgentId, DateTimeOffset Now) : GatewayCommand(Now);

/// <summary>Delete the gateway.</summary>
public sealed record DeleteGateway(DateTimeOffset Now) : GatewayCommand(Now);
