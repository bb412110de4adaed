namespace MissionControl.Grains.Common;

/// <summary>Small string normalisations shared by deciders.</summary>
public static class Text
{
    /// <summary>Trimmed text, or null when the input is null or only whitespace.</summary>
    public static string? TrimToNull(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters, marking the cut.</summary>
    public static string Truncate(string value, int maxLength)
    {
        const string marker = "...";
        if (value.Length <= maxLength)
        {
            return value;
        }

        return string.Concat(value.AsSpan(0, Math.Max(0, maxLength - marker.Length)), marker);
    }
}
