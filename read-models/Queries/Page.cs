namespace MissionControl.ReadModels.Queries;

/// <summary>
/// One page of a list: <paramref name="Total"/> counts every matching row, not only those in
/// <paramref name="Items"/> (the API's <c>{items, total, limit, offset}</c>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Limit, int Offset);

/// <summary>The bounds every list shares.</summary>
public static class PageLimits
{
    /// <summary>Largest page the API serves.</summary>
    public const int MaxLimit = 200;
}
