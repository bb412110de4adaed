namespace MissionControl.Grains.Organizations;

/// <summary>Which live organization holds a name, as the read model (written with every append) says.</summary>
public interface IOrganizationNames
{
    /// <summary>A live organization named <paramref name="name"/> in any letter case, if there is one.</summary>
    Task<Guid?> LiveHolderAsync(string name, CancellationToken ct = default);
}
