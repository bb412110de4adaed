using MissionControl.OpenClaw.Errors;
using Orleans;

namespace MissionControl.GrainInterfaces.Gateways;

/// <summary>
/// How a gateway error crosses a grain call: every field, so a caller on any silo sees the same
/// kind, transience and gateway codes the client raised (a plain exception copy keeps only the message).
/// </summary>
[GenerateSerializer]
[Alias("mc.gateway-exception")]
public struct GatewayExceptionSurrogate
{
    [Id(0)] public GatewayErrorKind Kind;
    [Id(1)] public string Message;
    [Id(2)] public bool IsTransient;
    [Id(3)] public string? Method;
    [Id(4)] public string? GatewayCode;
    [Id(5)] public string? DetailsCode;
    [Id(6)] public string? GatewayMessage;
    [Id(7)] public TimeSpan? RetryAfter;
    [Id(8)] public string? MissingScope;
}

[RegisterConverter]
public sealed class GatewayExceptionConverter : IConverter<GatewayException, GatewayExceptionSurrogate>
{
    public GatewayException ConvertFromSurrogate(in GatewayExceptionSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Message, surrogate.IsTransient)
        {
            Method = surrogate.Method,
            GatewayCode = surrogate.GatewayCode,
            DetailsCode = surrogate.DetailsCode,
            GatewayMessage = surrogate.GatewayMessage,
            RetryAfter = surrogate.RetryAfter,
            MissingScope = surrogate.MissingScope,
        };

    public GatewayExceptionSurrogate ConvertToSurrogate(in GatewayException value) => new()
    {
        Kind = value.Kind,
        Message = value.Message,
        IsTransient = value.IsTransient,
        Method = value.Method,
        GatewayCode = value.GatewayCode,
        DetailsCode = value.DetailsCode,
        GatewayMessage = value.GatewayMessage,
        RetryAfter = value.RetryAfter,
        MissingScope = value.MissingScope,
    };
}
