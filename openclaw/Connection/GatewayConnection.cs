using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

/// <summary>
/// One open WebSocket to a gateway: sends request frames, and a single receive loop routes responses
/// to their callers by id and events to the event callback. It never reconnects; the owner replaces it.
/// </summary>
internal sealed partial class GatewayConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly PendingRequests _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<ConnectChallenge> _challenge = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<GatewayEvent> _onEvent;
    private Task _receiveLoop = Task.CompletedTask;
    private TimeSpan _silenceLimit = Timeout.InfiniteTimeSpan;
    private volatile GatewayException? _closedError;

    private GatewayConnection(ClientWebSocket socket, Action<GatewayEvent> onEvent)
    {
        _socket = socket;
        _onEvent = onEvent;
    }

    /// <summary>True until the socket fails, closes or is disposed.</summary>
    public bool IsOpen => _closedError is null && _socket.State == WebSocketState.Open;

    /// <summary>Set once the handshake has succeeded.</summary>
    public GatewayServerInfo? ServerInfo { get; private set; }

    public static async Task<GatewayConnection> OpenAsync(Uri uri, Action<GatewayEvent> onEvent, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or SocketException)
        {
            var status = socket.HttpStatusCode == 0 ? (HttpStatusCode?)null : socket.HttpStatusCode;
            socket.Dispose();
            throw GatewayErrors.ConnectFailed(uri, status, ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new GatewayConnection(socket, onEvent);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Waits for the <c>connect.challenge</c> the gateway sends as soon as the socket opens.</summary>
    public Task<ConnectChallenge> WaitForChallengeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _challenge.Task.WaitAsync(timeout, cancellationToken);

    /// <summary>Records the handshake result; from now on silence longer than two ticks means a dead link.</summary>
    public void Accept(GatewayServerInfo info)
    {
        ServerInfo = info;
        _silenceLimit = info.TickInterval * 2;
    }

    /// <summary>Sends one request and waits for its response payload.</summary>
    public async Task<JsonElement> SendRequestAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = _pending.Add(id, method);
        try
        {
            ThrowIfClosed(method);
            var frame = JsonSerializer.SerializeToUtf8Bytes(
                new RequestFrame("req", id, method, parameters ?? EmptyParams.Instance), GatewayJson.Options);
            await SendAsync(method, frame, cancellationToken);
            return await response.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.Forget(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closedError ??= GatewayErrors.ClientClosed();
        if (_socket.State == WebSocketState.Open)
        {
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", closeTimeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Closing is best effort; the receive loop is cancelled next either way.
            }
        }

        await _lifetime.CancelAsync();
        await _receiveLoop;
        _socket.Dispose();
        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(string method, byte[] frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed(method);
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            throw GatewayErrors.ConnectionClosed(null, $"{method}: send failed: {ex.Message}", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void ThrowIfClosed(string method)
    {
        if (_closedError is { } error)
            throw WithMethod(error, method);
    }

    private static GatewayException WithMethod(GatewayException error, string method) =>
        new(error.Kind, $"{method}: {error.Message}", error.IsTransient, error.InnerException) { Method = method };

    private sealed record RequestFrame(string Type, string Id, string Method, object Params);

    private sealed class EmptyParams
    {
        public static readonly EmptyParams Instance = new();
    }
}

/// <summary>The nonce and timestamp of <c>connect.challenge</c>.</summary>
internal sealed record ConnectChallenge(string Nonce, long Ts);
