using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;

namespace MissionControl.ApiGateway.Apis.Validation;

/// <summary>
/// The base of every request body's rules: each field stops at its first failure, and fields are
/// named as the JSON contract names them (<c>workspace_root</c>, not <c>WorkspaceRoot</c>), in
/// messages and in where a failure is reported.
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    protected RequestValidator()
    {
        ContractNames.Apply();
        RuleLevelCascadeMode = CascadeMode.Stop;
    }
}

/// <summary>Names fields by the contract's snake_case JSON names.</summary>
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
