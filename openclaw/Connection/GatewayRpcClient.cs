using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MissionControl.OpenClaw.Diagnostics;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Identity;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

/// <summary>
/// A persistent, multiplexed connection to one gateway. Concurrent calls share one socket; a dropped
/// socket is replaced on the next call, with a growing pause between failed connects. Pending calls
/// on a dropped socket fail with a transient error (requests are never replayed implicitly).
/// </summary>
public sealed partial class GatewayRpcClient : IGatewayRpc, IAsyncDisposable
{
    private readonly GatewayClientOptions _options;
    private readonly IDeviceIdentityStore _identityStore;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private GatewayConnection? _connection;
    private TimeSpan _reconnectDelay = TimeSpan.Zero;
    private DateTimeOffset _lastConnectFailure = DateTimeOffset.MinValue;

    /// <summary>Creates a client; nothing is opened until the first call.</summary>
    public GatewayRpcClient(GatewayClientOptions options, IDeviceIdentityStore? identityStore = null, ILogger? logger = null, TimeProvider? clock = null)
    {
        _options = options;
        _identityStore = identityStore ?? new InMemoryDeviceIdentityStore();
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string GatewayId => _options.GatewayId;

    /// <inheritdoc />
    public GatewayServerInfo? ServerInfo { get; private set; }

    /// <summary>How many sockets this client has successfully opened (diagnostics).</summary>
    public int ConnectionsOpened { get; private set; }

    /// <inheritdoc />
    public event EventHandler<GatewayEvent>? EventReceived;

    /// <inheritdoc />
    public async Task<JsonElement> CallAsync(string method, object? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = GatewayCallMetrics.Ok;
        try
        {
            return await CallOnceAsync(method, parameters, timeout, cancellationToken);
        }
        catch (GatewayException ex)
        {
            outcome = ex.Kind.ToString();
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            GatewayCallMetrics.Record(GatewayId, method, Stopwatch.GetElapsedTime(started), outcome);
        }
    }

    private async Task<JsonElement> CallOnceAsync(string method, object? parameters, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        // A closed client answers like any other gateway failure, so whoever still holds it (a
        // control plane created before the pool replaced the connection) gets an error it handles.
        if (_disposed.IsCancellationRequested)
            throw GatewayErrors.ClientClosed();
        var limit = timeout ?? _options.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        deadline.CancelAfter(limit);
        try
        {
            var connection = await GetConnectionAsync(deadline.Token);
            return await connection.SendRequestAsync(method, parameters, deadline.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw GatewayErrors.ClientClosed();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw GatewayErrors.Timeout(method, limit);
        }
    }

    /// <summary>Closes the socket; pending calls fail with <see cref="GatewayErrorKind.ClientClosed"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
            return;
        await _disposed.CancelAsync();
        await _connectLock.WaitAsync();
        try
        {
            if (_connection is not null)
                await _connection.DisposeAsync();
            _connection = null;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task<GatewayConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } current)
            return current;
        await _connectLock.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } opened)
                return opened;
            if (_connection is not null)
                await _connection.DisposeAsync();
            _connection = null;
            await WaitForReconnectSlotAsync(cancellationToken);
            _connection = await ConnectAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task<GatewayConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        GatewayConnection? connection = null;
        try
        {
            connection = await GatewayConnection.OpenAsync(_options.Url, OnEvent, cancellationToken);
            ServerInfo = await GatewayHandshake.RunAsync(connection, _options, _identityStore, cancellationToken);
            ConnectionsOpened++;
            _reconnectDelay = TimeSpan.Zero;
            LogConnected(_options.GatewayId, ServerInfo.Version, ServerInfo.Protocol);
            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null)
                await connection.DisposeAsync();
            RecordConnectFailure();
            if (ex is not OperationCanceledException)
                LogConnectFailed(_options.GatewayId, ex.Message);
            throw;
        }
    }

    // Spaces out reconnect attempts after failures so a flapping gateway is not hammered.
    private async Task WaitForReconnectSlotAsync(CancellationToken cancellationToken)
    {
        var wait = _lastConnectFailure + _reconnectDelay - _clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _clock, cancellationToken);
    }

    private void RecordConnectFailure()
    {
        _lastConnectFailure = _clock.GetUtcNow();
        _reconnectDelay = _reconnectDelay == TimeSpan.Zero
            ? _options.ReconnectBaseDelay
            : TimeSpan.FromTicks(Math.Min(_reconnectDelay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
    }

    private void OnEvent(GatewayEvent gatewayEvent) => EventReceived?.Invoke(this, gatewayEvent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to gateway {GatewayId} (version {Version}, protocol {Protocol})")]
    private partial void LogConnected(string gatewayId, string? version, int protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to gateway {GatewayId} failed: {Error}")]
    private partial void LogConnectFailed(string gatewayId, string error);
}
