using FluentValidation;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// The field rules request bodies share, with the contract's messages and error types. Absent
/// (null) fields pass every rule here; whether a field is required is the binder's or the
/// body's own rule. Control characters and invalid Unicode never get this far: the request's
/// text is refused before binding (<see cref="InvalidTextMiddleware"/>).
/// </summary>
public static class FieldRules
{
    /// <summary>At most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(value => value is null || value.Length <= max)
            .WithErrorCode("string_too_long").WithMessage($"String should have at most {max} characters");

    /// <summary>One line of at most <paramref name="max"/> characters: no line breaks or tabs.</summary>
    public static IRuleBuilderOptions<T, string?> Line<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Text(max)
            .Must(value => value is null || value.IndexOfAny(['\n', '\r', '\t']) < 0)
            .WithErrorCode(JsonTextScan.ControlType).WithMessage(JsonTextScan.ControlMessage);

    /// <summary>
    /// A display name: one line, and nothing that reads as a path climbing out of a folder
    /// (<c>..</c> between separators), should it ever end up in one.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Line(FieldLimits.Name)
            .Must(value => value is null || !ClimbsOut(value))
            .WithErrorCode("value_error").WithMessage("Value error, {PropertyName} must not contain '..' path segments");

    /// <summary>
    /// A name a change may leave out but not blank out: checked with the rest of the body, so a
    /// change that is refused anyway never costs a call to a gateway first.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NotBlank<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || value.Trim().Length > 0)
            .WithErrorCode("value_error").WithMessage("Value error, {PropertyName} must not be blank");

    /// <summary>
    /// A directory on the gateway host that agent workspaces go under: absolute (<c>/…</c>,
    /// <c>~/…</c> or a drive letter) and without <c>..</c> segments, so it cannot climb out of
    /// where the operator pointed it. Blank is left to the gateway's own rules.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> WorkspaceRoot<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Line(FieldLimits.Path)
            .Must(value => string.IsNullOrWhiteSpace(value) || IsAbsolute(value.Trim()))
            .WithErrorCode("value_error").WithMessage("Value error, workspace_root must be an absolute path")
            .Must(value => value is null || !ClimbsOut(value.Trim()))
            .WithErrorCode("value_error").WithMessage("Value error, workspace_root must not contain '..' segments");

    /// <summary>Not below <paramref name="min"/>.</summary>
    public static IRuleBuilderOptions<T, int?> AtLeast<T>(this IRuleBuilder<T, int?> rule, int min) =>
        rule.Must(value => value is null || value >= min)
            .WithErrorCode("greater_than_equal").WithMessage($"Input should be greater than or equal to {min}");

    /// <summary>A list of at most <paramref name="max"/> items.</summary>
    public static IRuleBuilderOptions<T, TList> Items<T, TList>(this IRuleBuilder<T, TList> rule, int max)
        where TList : System.Collections.IEnumerable? =>
        rule.Must(values => values is null || values.Cast<object>().Take(max + 1).Count() <= max)
            .WithErrorCode("too_long").WithMessage($"List should have at most {max} items");

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
        || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '/' or '\\');

    private static bool ClimbsOut(string path) => path.Split('/', '\\').Any(segment => segment.Trim() == "..");
}
