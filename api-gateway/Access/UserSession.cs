using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Access;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// The signed-in user and their membership of the organization they work in (the active one).
/// Take it as a handler parameter on endpoints that <c>RequireUser()</c>: binding it registers
/// the user on first sight and gives them an organization (see <see cref="UserSessions"/>).
/// </summary>
public sealed record UserSession(UserView User, OrganizationMember? Member)
{
    public Guid UserId => User.Id;

    /// <summary>The active organization; 403 "No org access" when the user belongs to none.</summary>
    public Guid OrganizationId => RequireMember().OrganizationId;

    public bool IsAdmin => BoardAccess.IsAdmin(Member);

    /// <summary>The membership, or 403 "No org access".</summary>
    public OrganizationMember RequireMember() => Member ?? throw DomainError.Forbidden(NoOrgAccess);

    /// <summary>The membership of an owner or admin, else 403.</summary>
    public OrganizationMember RequireAdmin()
    {
        var member = RequireMember();
        BoardAccess.EnsureAdmin(member);
        return member;
    }

    public const string NoOrgAccess = "No org access";

    /// <summary>Minimal-API binding hook.</summary>
    public static async ValueTask<UserSession?> BindAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<UserSessions>().ResolveAsync(context);
}
