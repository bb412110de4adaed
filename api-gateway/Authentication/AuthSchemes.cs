namespace MissionControl.ApiGateway.Authentication;

/// <summary>Authentication scheme names. Endpoints use <see cref="EndpointAuthorization"/>, not these.</summary>
public static class AuthSchemes
{
    /// <summary>The user scheme: the local shared token or JwtBearer, whichever AUTH_MODE selects.</summary>
    public const string User = "User";

    /// <summary>An agent's own token from <c>X-Agent-Token</c> or <c>Authorization: Bearer</c>.</summary>
    public const string Agent = "AgentToken";

    /// <summary>User first, then agent; user auth is skipped when <c>X-Agent-Token</c> is sent.</summary>
    public const string UserOrAgent = "UserOrAgent";

    /// <summary>The agent inbox's <c>X-Api-Key</c>: an inbox key, or the agent's own token.</summary>
    public const string InboxKey = "InboxKey";

    /// <summary>The cluster dashboard's operator token, as HTTP Basic password or bearer token.</summary>
    public const string ClusterDashboard = "ClusterDashboard";
}

/// <summary>Authorization policy names, one per kind of caller an endpoint accepts.</summary>
public static class AuthPolicies
{
    public const string User = "user";
    public const string Agent = "agent";
    public const string UserOrAgent = "user-or-agent";
    public const string InboxKey = "inbox-key";
    public const string ClusterOperator = "cluster-operator";
}

/// <summary>
/// How an endpoint or group says who may call it. Endpoints without one of these are anonymous:
/// there is deliberately no fallback policy, because a fallback also applies to unmatched
/// requests and would turn an unknown route's 404 into a 401.
/// </summary>
public static class EndpointAuthorization
{
    /// <summary>Operators: the local token or a JWT, depending on AUTH_MODE.</summary>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.User);

    /// <summary>Agents with their own token; bind <see cref="AgentCaller"/> to learn which one.</summary>
    public static TBuilder RequireAgent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.Agent);

    /// <summary>Either; <see cref="AgentCaller.From"/> tells the handler which it got.</summary>
    public static TBuilder RequireUserOrAgent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.UserOrAgent);

    /// <summary>Agents calling their inbox with <c>X-Api-Key</c>; bind <see cref="AgentCaller"/> to learn which one.</summary>
    public static TBuilder RequireInboxKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.InboxKey);

    /// <summary>The cluster's operator, with the cluster dashboard token.</summary>
    public static TBuilder RequireClusterOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthPolicies.ClusterOperator);
}
