using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>
/// Who may do what on the organization routes: each role (owner, admin, member) against its own
/// organization and against another one. Roles are refused with 403 before anything is looked
/// up; an id of another organization is unknown (404) to those whose role would allow the
/// action. Every refused cell must leave both organizations exactly as they were.
/// </summary>
public sealed class OrganizationAuthorizationMatrixTests(World world) : IClassFixture<World>
{
    private const string Me = "/api/v1/organizations/me";

    public static TheoryData<string, string, string, int> Cells()
    {
        var cells = new TheoryData<string, string, string, int>();
        foreach (var (route, memberMay, adminMay) in Routes)
        {
            foreach (var role in new[] { "owner", "admin", "member" })
            {
                var allowed = role switch { "member" => memberMay, "admin" => adminMay, _ => true };
                cells.Add(role, route, "own", allowed ? 200 : 403);
                // Reading a member looks the id up first: another organization's member is unknown to everyone.
                if (TakesAnId(route))
                    cells.Add(role, route, "other", allowed || route == "get-member" ? 404 : 403);
            }
        }

        // Owner safeguards and the active organization cut across roles.
        cells.Add("admin", "patch-member", "owner", 403);
        cells.Add("admin", "remove-member", "owner", 403);
        foreach (var role in new[] { "owner", "admin", "member" })
        {
            cells.Add(role, "set-active", "other", 403);
            cells.Add(role, "accept-invite", "other", 403);
            cells.Add(role, "accept-invite", "own", 403);
        }

        return cells;
    }

    // (route, may a plain member, may an admin); owners may do everything on this list.
    private static readonly (string Route, bool Member, bool Admin)[] Routes =
    [
        ("get-organization", true, true),
        ("list-mine", true, true),
        ("get-membership", true, true),
        ("list-members", true, true),
        ("get-member", false, true),
        ("patch-member", false, true),
        ("set-access", false, true),
        ("remove-member", false, true),
        ("list-invites", false, true),
        ("create-invite", false, true),
        ("revoke-invite", false, true),
        ("set-active", true, true),
        ("delete-organization", false, false),
    ];

    private static bool TakesAnId(string route) => route is "get-member" or "patch-member" or "set-access" or "remove-member" or "revoke-invite";

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_cell_of_the_matrix_answers_as_the_roles_allow_and_a_refusal_changes_nothing(
        string role, string route, string target, int expected)
    {
        var own = await OrganizationScene.CreateAsync(world, "Own");
        var other = await OrganizationScene.CreateAsync(world, "Other");
        var subject = target == "other" ? other : own;
        using var client = world.ClientFor(own.ByRole(role));
        var before = await Persisted.StateAsync(world, own, other);

        var response = await SendAsync(client, route, subject, target == "owner");

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected >= 400)
            Assert.Equal(before, await Persisted.StateAsync(world, own, other));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string route, OrganizationScene subject, bool atOwner)
    {
        var memberId = atOwner ? subject.Owner.Id : subject.Target.Id;
        return route switch
        {
            "get-organization" => client.GetAsync(Me),
            "list-mine" => client.GetAsync($"{Me}/list"),
            "get-membership" => client.GetAsync($"{Me}/member"),
            "list-members" => client.GetAsync($"{Me}/members"),
            "get-member" => client.GetAsync($"{Me}/members/{memberId}"),
            "patch-member" => Send.JsonAsync(client, HttpMethod.Patch, $"{Me}/members/{memberId}", new { role = "member" }),
            "set-access" => Send.JsonAsync(client, HttpMethod.Put, $"{Me}/members/{memberId}/access", new { all_boards_read = true }),
            "remove-member" => client.DeleteAsync($"{Me}/members/{memberId}"),
            "list-invites" => client.GetAsync($"{Me}/invites"),
            "create-invite" => Send.JsonAsync(client, HttpMethod.Post, $"{Me}/invites", new { invited_email = $"x-{Guid.NewGuid():N}@mission-control.test" }),
            "revoke-invite" => client.DeleteAsync($"{Me}/invites/{subject.InviteId}"),
            "set-active" => Send.JsonAsync(client, HttpMethod.Patch, $"{Me}/active", new { organization_id = subject.Id }),
            "accept-invite" => Send.JsonAsync(client, HttpMethod.Post, "/api/v1/organizations/invites/accept", new { token = subject.InviteToken }),
            "delete-organization" => client.DeleteAsync(Me),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
    }
}
