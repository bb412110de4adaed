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

    // Gateway calls take from a millisecond to tens of seconds; the exporter's default buckets
    // (0, 5, 10, 25, … read as seconds) would put nearly every call in the first one.
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "mc.gateway.call.duration", unit: "s", description: "Calls to OpenClaw gateways, from sending to the answer or the failure.",
        tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 60],
        });

    public const string Ok = "ok";

    public static void Record(string gatewayId, string method, TimeSpan elapsed, string outcome) =>
        Duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("gateway.id", gatewayId),
            new KeyValuePair<string, object?>("gateway.method", method),
            new KeyValuePair<string, object?>("outcome", outcome));
}
