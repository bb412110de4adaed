using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Operations;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw;

/// <summary>
/// Process-wide registry holding one connection and one resilience policy (with its circuit
/// breaker) per gateway, so every caller in the process shares them. A gateway whose connection
/// settings changed (URL, token, device identity, ...) gets a fresh connection and breaker on the
/// next call that brings the new settings; the old connection is closed, so work still holding it
/// fails with a "client closed" gateway error instead of talking to the old address.
/// </summary>
public sealed class GatewayClientPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly IDeviceIdentityStore _identityStore;
    private readonly GatewayResilienceOptions _resilienceOptions;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates an empty pool.</summary>
    public GatewayClientPool(IDeviceIdentityStore identityStore, GatewayResilienceOptions? resilienceOptions = null, ILoggerFactory? loggerFactory = null)
    {
        _identityStore = identityStore;
        _resilienceOptions = resilienceOptions ?? new GatewayResilienceOptions();
        _loggerFactory = loggerFactory;
    }

    /// <summary>The control plane for a gateway, on its shared connection for these options.</summary>
    public GatewayControlPlane ControlPlane(GatewayClientOptions options, GatewayOperationKind kind = GatewayOperationKind.Interactive)
    {
        var entry = EntryFor(options);
        return new GatewayControlPlane(entry.Client, entry.Resilience, kind);
    }

    /// <summary>The batched heartbeat patcher for a gateway, sharing its connection and circuit breaker.</summary>
    public HeartbeatConfigPatcher HeartbeatPatcher(GatewayClientOptions options, GatewayOperationKind kind = GatewayOperationKind.Interactive)
    {
        var entry = EntryFor(options);
        return new HeartbeatConfigPatcher(entry.Client, entry.Resilience, kind);
    }

    /// <summary>Config writes (agent creations, heartbeat rounds) waiting for their turn on the gateway's connection.</summary>
    public int ConfigWritesWaiting(GatewayClientOptions options) => ConfigWrites.Waiting(EntryFor(options).Client);

    /// <summary>Closes and forgets a gateway's connection.</summary>
    public async Task RemoveAsync(string gatewayId)
    {
        if (_entries.TryRemove(gatewayId, out var entry) && entry.IsValueCreated)
            await entry.Value.Client.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var gatewayId in _entries.Keys)
            await RemoveAsync(gatewayId);
    }

    private Entry EntryFor(GatewayClientOptions options)
    {
        while (true)
        {
            var current = _entries.GetOrAdd(options.GatewayId, _ => NewEntry(options));
            var entry = current.Value;
            if (GatewayClientOptions.SameConnection(entry.Options, options))
                return entry;
            // The settings changed since this connection was opened: replace it (once, if callers race).
            var replacement = NewEntry(options);
            if (_entries.TryUpdate(options.GatewayId, replacement, current))
            {
                _ = entry.Client.DisposeAsync().AsTask();
                return replacement.Value;
            }
        }
    }

    private Lazy<Entry> NewEntry(GatewayClientOptions options) => new(() => new Entry(
        options,
        new GatewayRpcClient(options, _identityStore, _loggerFactory?.CreateLogger<GatewayRpcClient>()),
        new GatewayResilience(options.GatewayId, _resilienceOptions)));

    private sealed record Entry(GatewayClientOptions Options, GatewayRpcClient Client, GatewayResilience Resilience);
}
