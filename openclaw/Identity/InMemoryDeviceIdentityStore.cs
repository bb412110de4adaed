using System.Collections.Concurrent;

namespace MissionControl.OpenClaw.Identity;

/// <summary>Process-local <see cref="IDeviceIdentityStore"/>; identities are lost on restart.</summary>
public sealed class InMemoryDeviceIdentityStore : IDeviceIdentityStore
{
    private readonly ConcurrentDictionary<string, DeviceIdentity> _identities = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<DeviceIdentity> GetOrCreateAsync(string gatewayId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatewayId);
        return Task.FromResult(_identities.GetOrAdd(gatewayId, static _ => DeviceIdentity.Generate()));
    }
}
