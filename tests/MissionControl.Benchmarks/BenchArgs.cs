namespace MissionControl.Benchmarks;

/// <summary><c>--name value</c> pairs of a benchmark step.</summary>
internal sealed class BenchArgs(Dictionary<string, string> values)
{
    public static BenchArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            values[args[i][2..]] = args[i + 1];
        }
        return new BenchArgs(values);
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value) : fallback;
}
