using System.Net.WebSockets;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Protocol;

namespace MissionControl.OpenClaw.Connection;

internal sealed partial class GatewayConnection
{
    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                if (!await ReceiveMessageAsync(buffer, message))
                    break;
                Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            _closedError ??= GatewayErrors.ClientClosed();
        }
        catch (OperationCanceledException)
        {
            // Two tick intervals without a frame: the link is dead even if TCP has not noticed.
            _closedError ??= GatewayErrors.ConnectionClosed(null, $"no frames for {_silenceLimit.TotalSeconds:0} s, connection timed out");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            _closedError ??= GatewayErrors.ConnectionClosed(null, ex.Message, ex);
        }
        finally
        {
            var error = _closedError ??= GatewayErrors.ConnectionClosed(null, "receive loop ended");
            _challenge.TrySetException(error);
            _pending.FailAll(method => WithMethod(error, method));
        }
    }

    /// <summary>Reads one whole message into <paramref name="message"/>; false when the socket closed.</summary>
    private async Task<bool> ReceiveMessageAsync(byte[] buffer, MemoryStream message)
    {
        ValueWebSocketReceiveResult result;
        do
        {
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
            silence.CancelAfter(_silenceLimit);
            result = await _socket.ReceiveAsync(buffer.AsMemory(), silence.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _closedError ??= GatewayErrors.ConnectionClosed(_socket.CloseStatus, _socket.CloseStatusDescription);
                return false;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return true;
    }

    private void Dispatch(ReadOnlySpan<byte> utf8)
    {
        IncomingFrame? frame;
        try
        {
            frame = IncomingFrame.Parse(utf8);
        }
        catch (System.Text.Json.JsonException)
        {
            return; // The gateway never sends invalid JSON; ignore rather than kill the connection.
        }

        switch (frame)
        {
            case ResponseFrame { Ok: true } response:
                _pending.Complete(response.Id, response.Payload);
                break;
            case ResponseFrame response:
                var error = response.Error ?? new GatewayErrorFrame(null, "Gateway error", null, null, null, null);
                _pending.Fail(response.Id, method => GatewayErrorClassifier.FromErrorFrame(method, error));
                break;
            case EventFrame { Event.Name: "connect.challenge" } challenge:
                _challenge.TrySetResult(new ConnectChallenge(
                    JsonRead.String(challenge.Event.Payload, "nonce") ?? "",
                    JsonRead.Long(challenge.Event.Payload, "ts") ?? 0));
                break;
            case EventFrame evt:
                RaiseEvent(evt.Event);
                break;
        }
    }

    private void RaiseEvent(GatewayEvent gatewayEvent)
    {
        try
        {
            _onEvent(gatewayEvent);
        }
#pragma warning disable CA1031 // A faulty subscriber must not take the connection down.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
