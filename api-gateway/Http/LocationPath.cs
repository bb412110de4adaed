using System.Globalization;
using System.Text.RegularExpressions;

namespace MissionControl.ApiGateway.Http;

/// <summary>
/// A path to a field as the serializer (<c>$.board_access[0].board_id</c>, <c>$['odd name']</c>)
/// or a validator (<c>tags[3]</c>) writes it, as the segments of an error's <c>loc</c>: names as
/// text, list indexes as numbers.
/// </summary>
internal static partial class LocationPath
{
    public static List<object> Segments(string? path)
    {
        List<object> segments = [];
        foreach (Match segment in Segment().Matches((path ?? "").TrimStart('$')))
        {
            if (segment.Groups["index"].Success)
                segments.Add(int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture));
            else
                segments.Add(segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value);
        }

        return segments;
    }

    [GeneratedRegex(@"(?:^|\.)(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex Segment();
}
