using System.Diagnostics.Metrics;

namespace MissionControl.Silo.EventStore;

/// <summary>
/// The group commit as an operator sees it: how long each transaction takes, how many appends it
/// carries, and how many appends were refused as stale.
/// </summary>
public static class EventStoreMetrics
{
    public const string MeterName = "MissionControl.EventStore";

    private static readonly Meter Meter = new(MeterName);

    // Commits take milliseconds; the exporter's default buckets (0, 5, 10, 25, … read as seconds)
    // would put every one in the first.
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "mc.event_store.commit.duration", unit: "s", description: "Group-commit transactions, from the first write to the commit's answer.",
        tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
        });

    private static readonly Histogram<int> CommitAppends = Meter.CreateHistogram<int>(
        "mc.event_store.commit.appends", unit: "{append}", description: "Appends (from as many grain calls) one transaction carried.",
        tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "mc.event_store.append.conflicts", unit: "{append}", description: "Appends refused because their stream had moved past the version they expected.");

    internal static void Committed(int appends, TimeSpan elapsed)
    {
        CommitDuration.Record(elapsed.TotalSeconds);
        CommitAppends.Record(appends);
    }

    internal static void Conflicted() => Conflicts.Add(1);
}
