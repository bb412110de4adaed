namespace MissionControl.ApiGateway.Authentication;

/// <summary>
/// Endpoint metadata: this route refuses the request itself unless the hash the agent's token was
/// proven against is still the agent's current one (checked where it writes, against the agent's
/// stream), so the agent scheme need not read the token directory for a token proven before.
/// </summary>
public sealed class ChecksAgentTokenHash;

/// <summary>
/// The hash a request's agent token was proven against, for routes marked
/// <see cref="ChecksAgentTokenHash"/>. Never logged or returned.
/// </summary>
public sealed record ProvenAgentToken(string TokenHash, string Fingerprint)
{
    private static readonly object Key = new();

    public static ProvenAgentToken? From(HttpContext context) => context.Items[Key] as ProvenAgentToken;

    internal void AttachTo(HttpContext context) => context.Items[Key] = this;

    /// <summary>Marks a route as checking the token hash itself.</summary>
    public static TBuilder ChecksTokenHash<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ChecksAgentTokenHash());
}
