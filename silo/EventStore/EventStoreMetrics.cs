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

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "mc.event_store.commit.duration", unit: "s", description: "Group-commit transactions, from the first write to the commit's answer.");

    private static readonly Histogram<int> CommitAppends = Meter.CreateHistogram<int>(
        "mc.event_store.commit.appends", unit: "{append}", description: "Appends (from as many grain calls) one transaction carried.");

    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "mc.event_store.append.conflicts", unit: "{append}", description: "Appends refused because their stream had moved past the version they expected.");

    internal static void Committed(int appends, TimeSpan elapsed)
    {
        CommitDuration.Record(elapsed.TotalSeconds);
        CommitAppends.Record(appends);
    }

    internal static void Conflicted() => Conflicts.Add(1);
}
