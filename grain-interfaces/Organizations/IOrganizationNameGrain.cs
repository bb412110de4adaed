using Orleans;

namespace MissionControl.GrainInterfaces.Organizations;

/// <summary>
/// One organization name, keyed by its lower-cased form: the one place that decides who may take
/// it. Names are unique among live organizations regardless of case; its single activation
/// serializes every attempt to take one name, across all silos, without a database lock.
/// </summary>
[Alias("mc.organization-name")]
public interface IOrganizationNameGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the organization under this name unless a live organization already holds it (in
    /// any letter case). Returns the new organization's id, or null when the name is taken.
    /// </summary>
    [Alias("create-organization")]
    Task<Guid?> CreateOrganization(NewOrganization organization);
}

/// <summary>The key of the name grain for <paramref name="name"/>.</summary>
public static class OrganizationNameKey
{
    public static string Of(string name) => name.Trim().ToLowerInvariant();
}
