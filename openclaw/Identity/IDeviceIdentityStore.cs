namespace MissionControl.OpenClaw.Identity;

/// <summary>
/// Persists one device key pair per gateway. Implementations must return the same pair for the
/// same gateway id on every call and from every process, so the gateway keeps recognizing us.
/// </summary>
public interface IDeviceIdentityStore
{
    /// <summary>Returns the stored pair for <paramref name="gatewayId"/>, creating and saving one when there is none.</summary>
    Task<DeviceIdentity> GetOrCreateAsync(string gatewayId, CancellationToken cancellationToken);
}
