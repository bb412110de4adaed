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

    /// <summary>
    /// Every row of a list, read page after page of <see cref="MaxLimit"/> (all of them first:
    /// a caller that deletes while paging would shift the pages under itself).
    /// </summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(Func<int, CancellationToken, Task<Page<T>>> page, CancellationToken ct)
    {
        var rows = new List<T>();
        while (true)
        {
            var next = await page(rows.Count, ct);
            rows.AddRange(next.Items);
            if (next.Items.Count == 0 || rows.Count >= next.Total)
                return rows;
        }
    }
}
