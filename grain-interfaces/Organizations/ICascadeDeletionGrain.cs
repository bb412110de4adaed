using Orleans;

namespace MissionControl.GrainInterfaces.Organizations;

/// <summary>
/// Deleting a board or an organization with everything it holds, keyed by
/// <see cref="CascadeKeys"/>. Agents go first, each through its own grain (it leaves its gateway
/// and releases its tasks) while their boards and gateways still exist to clean up against; then
/// an organization's boards and gateways; then the board or organization itself. The deletion is
/// recorded as under way before the first step, so a silo that dies halfway leaves it to be
/// finished on another silo, never half done.
/// </summary>
[Alias("mc.cascade-deletion")]
public interface ICascadeDeletionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs the deletion to its end, or until a gateway refuses an agent's cleanup: then what is
    /// left stays, with the error, and running it again picks up where it stopped.
    /// </summary>
    /// <param name="actorUserId">Who deletes an organization (its grain checks they own it); null for a board.</param>
    [Alias("run")]
    [ResponseTimeout("00:11:00")] // one gateway cleanup after another, each within its own budget
    Task<CascadeOutcome> Run(Guid? actorUserId);
}

/// <summary>Whether everything is gone; if not, the gateway's error that stopped it.</summary>
[GenerateSerializer]
[Alias("mc.cascade-outcome")]
public sealed record CascadeOutcome([property: Id(0)] bool Deleted, [property: Id(1)] string? Error);

/// <summary>The keys of the deletion grains: what is deleted and its id.</summary>
public static class CascadeKeys
{
    public const string BoardKind = "board";
    public const string OrganizationKind = "organization";

    public static string Board(Guid boardId) => $"{BoardKind}:{boardId:D}";

    public static string Organization(Guid organizationId) => $"{OrganizationKind}:{organizationId:D}";

    /// <summary>The kind and id a key names; throws on a key no method here made.</summary>
    public static (string Kind, Guid Id) Parse(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        return separator > 0 && Guid.TryParse(key.AsSpan(separator + 1), out var id) && key[..separator] is BoardKind or OrganizationKind
            ? (key[..separator], id)
            : throw new ArgumentException($"Not a deletion key: {key}", nameof(key));
    }
}
