namespace MissionControl.ReadModels.Sql;

/// <summary>
/// A where clause assembled from the filters a caller set, numbering parameters as it goes,
/// so each query uses the indexes for exactly the filters given.
/// </summary>
internal sealed class Filter
{
    private readonly List<string> _conditions = [];
    private readonly List<object?> _values = [];

    public IReadOnlyList<object?> Values => _values;

    public string WhereClause => _conditions.Count == 0 ? "" : "where " + string.Join(" and ", _conditions);

    /// <summary>A condition without a parameter, e.g. <c>not deleted</c>.</summary>
    public Filter Require(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>A condition whose <c>{0}</c> becomes the next parameter, bound to <paramref name="value"/>.</summary>
    public Filter Require(string condition, object value)
    {
        _values.Add(value);
        _conditions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, "$" + _values.Count));
        return this;
    }

    /// <summary>Like <see cref="Require(string, object)"/> when <paramref name="value"/> is set; otherwise nothing.</summary>
    public Filter RequireIfSet(string condition, object? value) => value is null ? this : Require(condition, value);
}
