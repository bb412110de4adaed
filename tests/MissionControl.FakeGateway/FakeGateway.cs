using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Fakes;

/// <summary>
/// An in-process gateway speaking the real frames over a raw TCP listener (so the upgrade itself
/// can fail with HTTP 503), with state in <see cref="State"/> and fault injection in <see cref="Faults"/>.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<FakeGatewaySession, byte> _sessions = new();
    private readonly Task _acceptLoop;
    private int _upgrades;
    private int _disposed;

    private FakeGateway(bool legacyListShape)
    {
        State = new FakeGatewayState(Faults) { LegacyListShape = legacyListShape };
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static FakeGateway Start(bool legacyListShape = false) => new(legacyListShape);

    public FakeGatewayFaults Faults { get; } = new();

    public FakeGatewayState State { get; }

    public string Token { get; } = "fake-gateway-token";

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>WebSocket upgrades completed (one per client connection).</summary>
    public int Upgrades => Volatile.Read(ref _upgrades);

    /// <summary>Closes every open client socket abruptly, as a crash or network cut would.</summary>
    public void DropAllConnections()
    {
        foreach (var session in _sessions.Keys)
            session.Abort();
    }

    /// <summary>Requests received per method, counted before any fault is applied.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new();

    /// <summary>The most requests of a method that were waiting for their reply at one time (since <see cref="ResetPeaks"/>).</summary>
    public int PeakInFlight(string method) => _peakInFlight.GetValueOrDefault(method);

    /// <summary>Starts counting peaks afresh.</summary>
    public void ResetPeaks() => _peakInFlight.Clear();

    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _peakInFlight = new();

    internal void Started(string method)
    {
        var now = _inFlight.AddOrUpdate(method, 1, (_, n) => n + 1);
        _peakInFlight.AddOrUpdate(method, now, (_, peak) => Math.Max(peak, now));
    }

    internal void Answered(string method) => _inFlight.AddOrUpdate(method, 0, (_, n) => n - 1);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        _listener.Stop();
        DropAllConnections();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var key = await ReadUpgradeKeyAsync(stream);
            if (key is null || Faults.TakeUpgradeRejection())
            {
                await WriteAsync(stream, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }

            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            await WriteAsync(stream, $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n");
            Interlocked.Increment(ref _upgrades);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
            var session = new FakeGatewaySession(socket, client, this);
            _sessions[session] = 0;
            try
            {
                await session.RunAsync(_stop.Token);
            }
            finally
            {
                _sessions.TryRemove(session, out _);
            }
        }
    }

    private static async Task<string?> ReadUpgradeKeyAsync(NetworkStream stream)
    {
        var header = new StringBuilder();
        var buffer = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer) == 0)
                return null;
            header.Append((char)buffer[0]);
        }

        return header.ToString().Split("\r\n")
            .Where(line => line.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["Sec-WebSocket-Key:".Length..].Trim())
            .FirstOrDefault();
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
