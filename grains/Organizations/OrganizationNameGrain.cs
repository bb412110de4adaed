using MissionControl.GrainInterfaces.Organizations;
using Orleans;
using Orleans.Runtime;


namespace MissionControl.Grains.Organizations;

/// <summary>
/// Creates organizations under a name, one attempt at a time (the grain's turn). Who holds a name
/// is read from the read model, which covers organizations made before this grain existed and
/// frees the name of a deleted one. The claim is also written, version-checked, before the
/// organization is created: should a membership change ever leave two activations of one name,
/// the second write fails (a conflict the caller sees) instead of creating a twin.
/// </summary>
[GrainType("organization-name")]
public sealed class OrganizationNameGrain(
    [PersistentState("organization-name")] IPersistentState<NameClaim> claim,
    IOrganizationNames names,
    IGrainFactory domain) : Grain, IOrganizationNameGrain
{
    public async Task<Guid?> CreateOrganization(NewOrganization organization)
    {
        if (await names.LiveHolderAsync(organization.Name) is not null)
            return null;
        var organizationId = Guid.NewGuid();
        claim.State.OrganizationId = organizationId;
        await claim.WriteStateAsync();
        await domain.GetGrain<IOrganizationGrain>(organizationId.ToString()).Create(organization);
        return organizationId;
    }
}

/// <summary>The organization last created under a name (it may since have been deleted).</summary>
[GenerateSerializer]
[Alias("mc.organization-name-claim")]
public sealed class NameClaim
{
    [Id(0)]
    public Guid? OrganizationId { get; set; }
}
