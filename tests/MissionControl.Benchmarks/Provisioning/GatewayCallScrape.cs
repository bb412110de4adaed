using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>
/// The service's <c>mc_gateway_call_duration_seconds</c> histogram for one gateway, read from
/// <c>/metrics</c>: cumulative bucket counts per method, all outcomes together, and the count of
/// calls that did not end <c>ok</c>. Two scrapes subtract, so a run's own calls can be told apart.
/// </summary>
internal sealed partial class GatewayCallScrape(IReadOnlyDictionary<string, MethodCalls> methods)
{
    public IEnumerable<MethodCalls> Methods => methods.Values.Where(m => m.Calls > 0);

    public static async Task<GatewayCallScrape> ReadAsync(HttpClient http, Guid gatewayId)
    {
        var text = await http.GetStringAsync("/metrics");
        var methods = new Dictionary<string, MethodCalls>(StringComparer.Ordinal);
        foreach (Match line in BucketLine().Matches(text))
        {
            var labels = line.Groups["labels"].Value;
            if (Label(labels, "gateway_id") != gatewayId.ToString() || Label(labels, "gateway_method") is not { } method)
                continue;
            var bound = Label(labels, "le")!;
            var count = double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
            var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            var calls = methods.TryGetValue(method, out var known) ? known : new MethodCalls(method, new SortedDictionary<double, double>(), 0);
            calls.Buckets[upper] = calls.Buckets.GetValueOrDefault(upper) + count;
            if (Label(labels, "outcome") != "ok" && double.IsPositiveInfinity(upper))
                calls = calls with { Errors = calls.Errors + (long)count };
            methods[method] = calls;
        }
        return new GatewayCallScrape(methods);
    }

    /// <summary>What was counted since <paramref name="before"/>.</summary>
    public GatewayCallScrape Minus(GatewayCallScrape before) => new(methods.ToDictionary(
        entry => entry.Key,
        entry => before.Find(entry.Key) is { } earlier ? entry.Value.Minus(earlier) : entry.Value));

    private MethodCalls? Find(string method) => methods.GetValueOrDefault(method);

    private static string? Label(string labels, string name)
    {
        var match = Regex.Match(labels, $"(?:^|,){name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^mc_gateway_call_duration_seconds_bucket\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex BucketLine();
}

/// <summary>One method's calls: cumulative counts per bucket upper bound, and how many failed.</summary>
internal sealed record MethodCalls(string Method, SortedDictionary<double, double> Buckets, long Errors)
{
    public double Calls => Buckets.GetValueOrDefault(double.PositiveInfinity);

    /// <summary>The median, interpolated linearly inside the bucket that holds it.</summary>
    public double MedianSeconds
    {
        get
        {
            var half = Calls / 2;
            var (lower, below) = (0.0, 0.0);
            foreach (var (upper, cumulative) in Buckets)
            {
                if (cumulative >= half)
                {
                    return double.IsPositiveInfinity(upper) || cumulative == below
                        ? lower
                        : lower + ((upper - lower) * (half - below) / (cumulative - below));
                }
                (lower, below) = (upper, cumulative);
            }
            return double.NaN;
        }
    }

    public MethodCalls Minus(MethodCalls before) => this with
    {
        Buckets = new SortedDictionary<double, double>(Buckets.ToDictionary(b => b.Key, b => b.Value - before.Buckets.GetValueOrDefault(b.Key))),
        Errors = Errors - before.Errors,
    };
}
