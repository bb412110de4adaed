using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// The base of every request body's rules: each field stops at its first failure, and fields are
/// named by the contract's naming policy (<c>workspace_root</c>, not <c>WorkspaceRoot</c>), in
/// messages and in where a failure is reported. Rules name top-level members of the body; list
/// items are located by index.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    protected RequestValidator()
    {
        ContractNames.Apply();
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}

/// <summary>
/// Names fields by the contract's snake_case policy. FluentValidation reads its naming from
/// process-wide settings; this service is their only user, so they are set once, here.
/// </summary>
internal static class ContractNames
{
    private static readonly Lazy<bool> Applied = new(() =>
    {
        ValidatorOptions.Global.PropertyNameResolver = Resolve;
        ValidatorOptions.Global.DisplayNameResolver = Resolve;
        return true;
    });

    public static void Apply() => _ = Applied.Value;

    private static string? Resolve(Type type, MemberInfo? member, LambdaExpression? expression) =>
        member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
}
