using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// Size checks for task, comment and memory input that binding cannot express, collected and
/// answered together with 422 so an oversized field is never stored. Also the upstream answers
/// for tags and custom fields, which this service does not define yet: any id or key given is unknown.
/// </summary>
internal sealed class WorkInput
{
    public const int TitleMax = 1_000;
    public const int TextMax = 100_000;
    public const int ShortMax = 200;
    public const int TagsMax = 50;
    public const int IdsMax = 500;

    private readonly List<ValidationIssue> _issues = [];

    public WorkInput Text(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            _issues.Add(new ValidationIssue(["body", field], $"String should have at most {max} characters", "string_too_long"));
        return this;
    }

    public WorkInput Count<T>(string field, IReadOnlyCollection<T>? values, int max)
    {
        if (values is not null && values.Count > max)
            _issues.Add(new ValidationIssue(["body", field], $"List should have at most {max} items", "too_long"));
        return this;
    }

    public WorkInput Tags(IReadOnlyList<string>? tags)
    {
        Count("tags", tags, TagsMax);
        foreach (var (tag, index) in (tags ?? []).Select((tag, index) => (tag, index)))
        {
            if (tag.Length > ShortMax)
                _issues.Add(new ValidationIssue(["body", "tags", index], $"String should have at most {ShortMax} characters", "string_too_long"));
        }

        return this;
    }

    /// <exception cref="ApiValidationException">Any check failed.</exception>
    public void ThrowIfInvalid()
    {
        if (_issues.Count > 0)
            throw new ApiValidationException(_issues);
    }
}
