using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>
/// Bounds on what the organization routes accept, checked before any grain is asked, so an
/// oversized value is refused with 422 and never echoed back or stored.
/// </summary>
internal static class OrganizationInput
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxRoleLength = 32;

    /// <summary>Each granted board is checked against its own grain, so a grant list is kept short.</summary>
    public const int MaxBoardGrants = 500;

    /// <summary>The trimmed organization name; blank is 422 "name is required".</summary>
    public static string Name(string name)
    {
        Limit(name, "name", MaxNameLength);
        return Text.TrimToNull(name) ?? throw DomainError.Validation("name is required");
    }

    public static string Email(string email)
    {
        Limit(email, "invited_email", MaxEmailLength);
        return email;
    }

    public static string? Role(string? role)
    {
        Limit(role, "role", MaxRoleLength);
        return role;
    }

    /// <summary>The access a body asks for; a board listed twice gets what either entry grants.</summary>
    public static MemberAccess Access(bool allRead, bool allWrite, IReadOnlyList<OrganizationBoardAccessSpec>? boards)
    {
        boards ??= [];
        if (boards.Count > MaxBoardGrants)
        {
            throw new ApiValidationException([new ValidationIssue(
                ["body", "board_access"], $"List should have at most {MaxBoardGrants} items", "too_long")]);
        }

        var grants = new Dictionary<Guid, BoardPermission>();
        foreach (var spec in boards)
        {
            var earlier = grants.GetValueOrDefault(spec.BoardId, new BoardPermission(false, false));
            grants[spec.BoardId] = new BoardPermission(earlier.CanRead || spec.CanRead, earlier.CanWrite || spec.CanWrite);
        }

        return new MemberAccess(allRead, allWrite, grants);
    }

    private static void Limit(string? value, string field, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new ApiValidationException([new ValidationIssue(
                ["body", field], $"String should have at most {max} characters", "string_too_long")]);
        }
    }
}
