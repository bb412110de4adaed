using System.Diagnostics.Metrics;

namespace MissionControl.OpenClaw.Diagnostics;

/// <summary>
/// How the gateways answer: the duration of every call, by gateway, method and outcome (<c>ok</c>,
/// or the error's kind), so latency and errors per gateway come from one instrument.
/// </summary>
public static class GatewayCallMetrics
{
    public const string MeterName = "MissionControl.Gateways";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "mc.gateway.call.duration", unit: "s", description: "Calls to OpenClaw gateways, from sending to the answer or the failure.");

    public const string Ok = "ok";

    public static void Record(string gatewayId, string method, TimeSpan elapsed, string outcome) =>
        Duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("gateway.id", gatewayId),
            new KeyValuePair<string, object?>("gateway.method", method),
            new KeyValuePair<string, object?>("outcome", outcome));
}
