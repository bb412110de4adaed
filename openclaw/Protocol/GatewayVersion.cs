using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionControl.OpenClaw.Protocol;

/// <summary>A gateway release in CalVer form <c>[v]YYYY.M.D[-REV]</c>, e.g. <c>2026.9.6</c>.</summary>
/// <param name="Year">Year part.</param>
/// <param name="Month">Month part.</param>
/// <param name="Day">Day part.</param>
/// <param name="Revision">Optional same-day revision (0 when absent).</param>
public readonly partial record struct GatewayVersion(int Year, int Month, int Day, int Revision) : IComparable<GatewayVersion>
{
    /// <summary>Parses a version, accepting zero-padded parts such as <c>2026.02.9</c>.</summary>
    public static bool TryParse(string? text, out GatewayVersion version)
    {
        version = default;
        var match = text is null ? null : CalVer().Match(text.Trim());
        if (match is not { Success: true })
            return false;
        version = new GatewayVersion(
            Number(match.Groups["y"].Value), Number(match.Groups["m"].Value), Number(match.Groups["d"].Value),
            match.Groups["r"].Success ? Number(match.Groups["r"].Value) : 0);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static GatewayVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"not a CalVer gateway version: {text}");

    /// <inheritdoc />
    public int CompareTo(GatewayVersion other) =>
        (Year, Month, Day, Revision).CompareTo((other.Year, other.Month, other.Day, other.Revision));

    /// <inheritdoc />
    public override string ToString() =>
        Revision == 0 ? $"{Year}.{Month}.{Day}" : $"{Year}.{Month}.{Day}-{Revision}";

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^v?(?<y>\d{4})\.(?<m>\d{1,2})\.(?<d>\d{1,2})(?:-(?<r>\d+))?$")]
    private static partial Regex CalVer();
}
