namespace MissionControl.Grains.Deletion;

/// <summary>What a board or an organization still holds, as the read model (written with every append) says.</summary>
public interface ICascadeContents
{
    Task<IReadOnlyList<Guid>> AgentsOfBoardAsync(Guid boardId, CancellationToken ct);

    /// <summary>Every live agent of the organization: its gateways' main agents, leads and workers.</summary>
    Task<IReadOnlyList<Guid>> AgentsOfOrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<IReadOnlyList<Guid>> BoardsOfOrganizationAsync(Guid organizationId, CancellationToken ct);

    Task<IReadOnlyList<Guid>> GatewaysOfOrganizationAsync(Guid organizationId, CancellationToken ct);
}
