using MissionControl.ApiGateway.Http;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// Shape checks of request bodies that binding cannot express (lengths, control characters,
/// paths), collected as <see cref="ValidationIssue"/>s and answered together with 422.
/// </summary>
public sealed class InputChecks
{
    public const int NameMax = 256;
    public const int UrlMax = 2048;
    public const int PathMax = 1024;
    public const int TokenMax = 4096;
    public const int TextMax = 20_000;
    public const int MessageMax = 100_000;

    private readonly List<ValidationIssue> _issues = [];

    /// <summary>At most <paramref name="max"/> characters, none of them control characters.</summary>
    public InputChecks Text(string field, string? value, int max)
    {
        if (value is null)
            return this;
        if (value.Length > max)
            Add(field, $"String should have at most {max} characters", "string_too_long");
        else if (JsonTextScan.HasControl(value))
            Add(field, JsonTextScan.ControlMessage, JsonTextScan.ControlType);
        return this;
    }

    /// <summary>A single-line text: no line breaks or tabs either.</summary>
    public InputChecks Line(string field, string? value, int max)
    {
        Text(field, value, max);
        if (value is not null && value.Length <= max && value.IndexOfAny(['\n', '\r', '\t']) >= 0)
            Add(field, JsonTextScan.ControlMessage, JsonTextScan.ControlType);
        return this;
    }

    /// <summary>
    /// A display name: one line, and nothing that reads as a path climbing out of a folder
    /// (<c>..</c> between separators), should it ever end up in one.
    /// </summary>
    public InputChecks Name(string field, string? value)
    {
        Line(field, value, NameMax);
        if (value is not null && value.Length <= NameMax && ClimbsOut(value))
            Add(field, $"Value error, {field} must not contain '..' path segments", "value_error");
        return this;
    }

    /// <summary>
    /// A name a change may leave out but not blank out: checked here, with the rest of the body,
    /// so a change that is refused anyway never costs a call to a gateway first.
    /// </summary>
    public InputChecks NotBlank(string field, string? value)
    {
        if (value is not null && value.Trim().Length == 0)
            Add(field, $"Value error, {field} must not be blank", "value_error");
        return this;
    }

    /// <summary>
    /// A directory on the gateway host that agent workspaces go under: absolute (<c>/…</c>,
    /// <c>~/…</c> or a drive letter) and without <c>..</c> segments, so it cannot climb out of
    /// where the operator pointed it.
    /// </summary>
    public InputChecks WorkspaceRoot(string field, string? value)
    {
        Line(field, value, PathMax);
        if (value is null || value.Trim().Length == 0 || value.Length > PathMax)
            return this;
        var path = value.Trim();
        var absolute = path.StartsWith('/') || path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\');
        if (!absolute)
            Add(field, "Value error, workspace_root must be an absolute path", "value_error");
        else if (ClimbsOut(path))
            Add(field, "Value error, workspace_root must not contain '..' segments", "value_error");
        return this;
    }

    /// <summary>Not below <paramref name="min"/>.</summary>
    public InputChecks AtLeast(string field, int? value, int min)
    {
        if (value < min)
            Add(field, $"Input should be greater than or equal to {min}", "greater_than_equal");
        return this;
    }

    /// <exception cref="ApiValidationException">Some check failed.</exception>
    public void ThrowIfAny()
    {
        if (_issues.Count > 0)
            throw new ApiValidationException(_issues);
    }

    private static bool ClimbsOut(string path) => path.Split('/', '\\').Any(segment => segment.Trim() == "..");

    private void Add(string field, string message, string type) => _issues.Add(new ValidationIssue(["body", field], message, type));
}
