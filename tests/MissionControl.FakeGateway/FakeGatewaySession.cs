using System.Buffers.Text;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MissionControl.OpenClaw.Identity;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace MissionControl.Fakes;

/// <summary>One client connection to the fake: challenge, connect, then requests answered concurrently.</summary>
internal sealed class FakeGatewaySession(WebSocket socket, TcpClient client, FakeGateway gateway)
{
    private static readonly string[] ClientIds = ["gateway-client", "cli", "test", "webchat", "openclaw-probe"];

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly string _nonce = Guid.NewGuid().ToString();
    private readonly long _ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private IReadOnlyList<string>? _scopes;

    public void Abort()
    {
        socket.Abort();
        client.Close();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await SendAsync(new JsonObject
            {
                ["type"] = "event", ["event"] = "connect.challenge",
                ["payload"] = new JsonObject { ["nonce"] = _nonce, ["ts"] = _ts, ["capabilities"] = new JsonArray("model-catalog-snapshot") },
            });
            while (!stop.IsCancellationRequested && await ReceiveAsync(stop) is { } frame)
            {
                if (_scopes is null)
                    await HandshakeAsync(frame);
                else
                    _ = Task.Run(() => AnswerAsync(frame), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the test dropped the connection.
        }
    }

    private async Task HandshakeAsync(JsonObject frame)
    {
        var id = (string?)frame["id"];
        var p = frame["params"] as JsonObject ?? [];
        if ((string?)frame["method"] != "connect")
        {
            await CloseWithAsync(id, FakeReply.Invalid("invalid handshake: first request must be connect"), WebSocketCloseStatus.PolicyViolation);
            return;
        }

        if (HandshakeError(p) is { } error)
        {
            var status = (string?)error.Error?["details"]?["code"] == "PROTOCOL_MISMATCH" ? WebSocketCloseStatus.ProtocolError : WebSocketCloseStatus.PolicyViolation;
            await CloseWithAsync(id, error, status);
            return;
        }

        var requested = (p["scopes"] as JsonArray)?.Select(s => (string)s!).ToList() ?? [];
        var trusted = ((string?)p["client"]?["id"] == "gateway-client" && (string?)p["client"]?["mode"] == "backend") || p["device"] is not null;
        _scopes = gateway.Faults.GrantedScopes ?? (trusted ? requested : []);
        await SendAsync(Response(id, FakeReply.Ok(Hello())));
    }

    private FakeReply? HandshakeError(JsonObject p)
    {
        var protocol = gateway.Faults.Protocol;
        if ((int?)p["minProtocol"] > protocol || (int?)p["maxProtocol"] < protocol)
            return FakeReply.Fail("INVALID_REQUEST", "protocol mismatch", new JsonObject { ["code"] = "PROTOCOL_MISMATCH", ["expectedProtocol"] = protocol });
        if (!ClientIds.Contains((string?)p["client"]?["id"]))
            return FakeReply.Invalid("invalid connect params: at /client/id: must be equal to one of the allowed values");
        if ((string?)p["auth"]?["token"] != gateway.Token)
        {
            return FakeReply.Fail("INVALID_REQUEST", "unauthorized: gateway token mismatch (provide gateway auth token)",
                new JsonObject { ["code"] = "AUTH_TOKEN_MISMATCH" });
        }

        return p["device"] is JsonObject device && !DeviceSignatureValid(p, device)
            ? FakeReply.Fail("INVALID_REQUEST", "device signature invalid", new JsonObject { ["code"] = "DEVICE_AUTH_SIGNATURE_INVALID" })
            : null;
    }

    // Rebuilds the v3 payload from the connect params and verifies it, as the real gateway does.
    private bool DeviceSignatureValid(JsonObject p, JsonObject device)
    {
        if ((string?)device["nonce"] != _nonce || (long?)device["signedAt"] != _ts)
            return false;
        var publicKey = Base64Url.DecodeFromChars((string)device["publicKey"]!);
        var context = new DeviceChallengeContext(
            (string)p["client"]!["id"]!, (string)p["client"]!["mode"]!, (string)p["role"]!,
            (p["scopes"] as JsonArray)!.Select(s => (string)s!).ToList(), (string?)p["auth"]?["token"],
            (string)p["client"]!["platform"]!);
        var payload = Encoding.UTF8.GetBytes(DeviceChallengeSigner.BuildPayload((string)device["id"]!, context, _ts, _nonce));
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.BlockUpdate(payload, 0, payload.Length);
        return verifier.VerifySignature(Base64Url.DecodeFromChars((string)device["signature"]!));
    }

    private JsonObject Hello() => new()
    {
        ["type"] = "hello-ok",
        ["protocol"] = gateway.Faults.Protocol,
        ["server"] = new JsonObject { ["version"] = gateway.Faults.ServerVersion, ["connId"] = Guid.NewGuid().ToString() },
        ["features"] = new JsonObject { ["methods"] = new JsonArray("health"), ["events"] = new JsonArray("tick") },
        ["snapshot"] = new JsonObject { ["sessionDefaults"] = new JsonObject { ["defaultAgentId"] = "main" } },
        ["auth"] = new JsonObject { ["role"] = "operator", ["scopes"] = new JsonArray(_scopes!.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()) },
        ["policy"] = new JsonObject { ["maxPayload"] = 26214400, ["tickIntervalMs"] = 30000 },
        ["someFutureKey"] = new JsonObject { ["ignored"] = true },
    };

    private async Task AnswerAsync(JsonObject frame)
    {
        var id = (string?)frame["id"];
        var method = (string?)frame["method"] ?? "";
        gateway.Received.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (gateway.Faults.TakeDrop(method))
        {
            Abort();
            return;
        }

        FakeReply reply;
        gateway.Started(method);
        try
        {
            var delay = gateway.Faults.TakeDelay(method);
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay);
            await gateway.Faults.HeldUntilReleased(method);
            reply = Reply(method, frame["params"] as JsonObject ?? []);
        }
        finally
        {
            gateway.Answered(method);
        }
        // The real gateway broadcasts config.changed while it applies the write, so the event
        // reaches the socket before the patch's reply; answering it afterwards let a concurrent
        // reply overtake it.
        if (method == "config.patch" && reply.Payload?["hash"] is { } hash)
        {
            await SendAsync(new JsonObject
            {
                ["type"] = "event", ["event"] = "config.changed", ["seq"] = 1,
                ["payload"] = new JsonObject { ["hash"] = hash.DeepClone() },
            });
        }
        await SendAsync(Response(id, reply));
    }

    private FakeReply Reply(string method, JsonObject parameters)
    {
        if (method == "connect")
            return FakeReply.Invalid("connect is only valid as the first request");
        if (!FakeSchemas.IsKnown(method))
            return FakeReply.Invalid($"unknown method: {method}");
        var scope = FakeSchemas.RequiredScope(method);
        if (!FakeSchemas.Grants(_scopes!, scope))
        {
            return FakeReply.Fail("FORBIDDEN", $"missing scope: {scope}",
                new JsonObject { ["code"] = "MISSING_SCOPE", ["missingScope"] = scope, ["requiredScopes"] = new JsonArray(scope) });
        }

        if (FakeSchemas.Validate(method, parameters) is { } invalid)
            return FakeReply.Invalid(invalid);
        if (gateway.Faults.TakeFailure(method) is { } failure)
            return FakeReply.Invalid(failure);
        if (gateway.Faults.TakeUnavailable(method))
            return FakeReply.Fail("UNAVAILABLE", "gateway starting up, temporarily unavailable", new JsonObject { ["reason"] = "startup-sidecars" }, retryable: true, retryAfterMs: 50);
        return gateway.State.Handle(method, parameters);
    }

    private static JsonObject Response(string? id, FakeReply reply)
    {
        var frame = new JsonObject { ["type"] = "res", ["id"] = id, ["ok"] = reply.Error is null };
        if (reply.Payload is not null)
            frame["payload"] = reply.Payload;
        if (reply.Error is not null)
            frame["error"] = reply.Error;
        return frame;
    }

    private async Task CloseWithAsync(string? id, FakeReply error, WebSocketCloseStatus status)
    {
        await SendAsync(Response(id, error));
        await socket.CloseOutputAsync(status, (string?)error.Error?["message"], CancellationToken.None);
    }

    private async Task<JsonObject?> ReceiveAsync(CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), stop);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray()) as JsonObject;
    }

    private async Task SendAsync(JsonObject frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Dropped by a fault or by the client.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
