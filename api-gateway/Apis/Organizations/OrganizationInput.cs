using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Organizations;

/// <summary>The rules of <c>POST /organizations</c>' body.</summary>
public sealed class OrganizationCreateValidator : RequestValidator<OrganizationCreate>
{
    public OrganizationCreateValidator() => RuleFor(organization => organization.Name).Line(FieldLimits.Name);
}

/// <summary>The rules of a member's role change.</summary>
public sealed class OrganizationMemberUpdateValidator : RequestValidator<OrganizationMemberUpdate>
{
    public OrganizationMemberUpdateValidator() => RuleFor(member => member.Role).Line(FieldLimits.Label);
}

/// <summary>
/// The rules of a member's access. Each granted board is checked against its own grain, so a
/// grant list is kept short.
/// </summary>
public sealed class OrganizationMemberAccessUpdateValidator : RequestValidator<OrganizationMemberAccessUpdate>
{
    public OrganizationMemberAccessUpdateValidator() => RuleFor(access => access.BoardAccess).Items(FieldLimits.Ids);
}

/// <summary>The rules of an invite.</summary>
public sealed class OrganizationInviteCreateValidator : RequestValidator<OrganizationInviteCreate>
{
    public OrganizationInviteCreateValidator()
    {
        RuleFor(invite => invite.InvitedEmail).Line(FieldLimits.Email);
        RuleFor(invite => invite.Role).Line(FieldLimits.Label);
        RuleFor(invite => invite.BoardAccess).Items(FieldLimits.Ids);
    }
}

/// <summary>What the organization routes make of a valid body.</summary>
internal static class OrganizationInput
{
    /// <summary>The trimmed organization name; blank is 422 "name is required".</summary>
    public static string Name(string name) => Text.TrimToNull(name) ?? throw DomainError.Validation("name is required");

    /// <summary>The access a body asks for; a board listed twice gets what either entry grants.</summary>
    public static MemberAccess Access(bool allRead, bool allWrite, IReadOnlyList<OrganizationBoardAccessSpec>? boards)
    {
        var grants = new Dictionary<Guid, BoardPermission>();
        foreach (var spec in boards ?? [])
        {
            var earlier = grants.GetValueOrDefault(spec.BoardId, new BoardPermission(false, false));
            grants[spec.BoardId] = new BoardPermission(earlier.CanRead || spec.CanRead, earlier.CanWrite || spec.CanWrite);
        }

        return new MemberAccess(allRead, allWrite, grants);
    }
}
