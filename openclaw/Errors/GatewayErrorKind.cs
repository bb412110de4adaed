namespace MissionControl.OpenClaw.Errors;

/// <summary>What went wrong with a gateway call, normalized across transport and gateway error frames.</summary>
public enum GatewayErrorKind
{
    /// <summary>The socket could not be opened, was dropped or reset.</summary>
    Transport,

    /// <summary>No reply within the request timeout.</summary>
    Timeout,

    /// <summary>The gateway said it is temporarily unavailable (for example while starting up).</summary>
    Unavailable,

    /// <summary>The gateway throttled the call (config writes: 30 per minute per connection).</summary>
    RateLimited,

    /// <summary>
    /// The gateway is swapping its plugins (after a config reload, which config writes cause) and
    /// refused a call meanwhile: it is up and answering, so the call is retried without counting
    /// against the gateway's circuit.
    /// </summary>
    Reloading,

    /// <summary>The token lacks an operator scope the method needs.</summary>
    MissingScope,

    /// <summary>Token, password or device credentials were refused.</summary>
    AuthenticationFailed,

    /// <summary>The agent id is unknown to the gateway.</summary>
    AgentNotFound,

    /// <summary>The session key is unknown to the gateway.</summary>
    SessionNotFound,

    /// <summary>The workspace file name is not one the gateway accepts.</summary>
    UnsupportedFile,

    /// <summary>The gateway's CalVer version is below the configured minimum.</summary>
    VersionTooOld,

    /// <summary>Client and gateway share no wire protocol version.</summary>
    ProtocolMismatch,

    /// <summary>A config or file write was based on a stale hash; re-read and retry.</summary>
    ConfigConflict,

    /// <summary>The thing being created already exists.</summary>
    AlreadyExists,

    /// <summary>The gateway rejected the request (bad params, domain rule).</summary>
    InvalidRequest,

    /// <summary>The gateway does not know the method (it is older than the method).</summary>
    UnknownMethod,

    /// <summary>The per-gateway circuit breaker is open; the call was not attempted.</summary>
    CircuitOpen,

    /// <summary>Transient failures went on for longer than the operation's budget.</summary>
    Unreachable,

    /// <summary>The client was disposed while the call was pending.</summary>
    ClientClosed,

    /// <summary>Anything the classifier does not recognize.</summary>
    Unknown,
}
