using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>The members of the active organization: reading them, roles, board access and removal.</summary>
public sealed class OrganizationMembersApiTests(World world) : IClassFixture<World>
{
    private OrganizationQueries Organizations => world.Services.GetRequiredService<OrganizationQueries>();

    private static string MemberPath(TestUser user) => $"/api/v1/organizations/me/members/{user.Id}";

    [Fact]
    public async Task Given_a_member_with_a_board_grant_When_they_read_their_membership_Then_the_user_and_the_grant_are_shown()
    {
        var organization = await world.NewOrganizationAsync($"Grants {Guid.NewGuid():N}");
        var boardId = await world.NewBoardAsync(organization);
        var member = await world.AddMemberAsync(organization, "member",
            new MemberAccess(false, false, new Dictionary<Guid, BoardPermission> { [boardId] = new(true, false) }));
        await world.Grain<IUserGrain>(member.Id).UpdateProfile(new UserProfileChanges { PreferredName = "Mo" });
        using var client = world.ClientFor(member);

        var response = await client.GetAsync("/api/v1/organizations/me/member");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(member.Id, body.GetProperty("id").GetGuid());
        Assert.Equal(member.Id, body.GetProperty("user_id").GetGuid());
        Assert.Equal(organization.Id, body.GetProperty("organization_id").GetGuid());
        Assert.Equal("member", body.GetProperty("role").GetString());
        Assert.False(body.GetProperty("all_boards_read").GetBoolean());
        var user = body.GetProperty("user");
        Assert.Equal(member.Email, user.GetProperty("email").GetString());
        Assert.Equal("Mo", user.GetProperty("preferred_name").GetString());
        Assert.Equal(["id", "email", "name", "preferred_name"], user.EnumerateObject().Select(p => p.Name));
        var grant = Assert.Single(body.GetProperty("board_access").EnumerateArray());
        Assert.Equal(boardId, grant.GetProperty("board_id").GetGuid());
        Assert.True(grant.GetProperty("can_read").GetBoolean());
        Assert.False(grant.GetProperty("can_write").GetBoolean());
    }

    [Fact]
    public async Task Given_an_organization_When_a_member_lists_members_Then_a_page_by_email_without_grants()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Member);

        var response = await client.GetAsync("/api/v1/organizations/me/members?limit=3&offset=0");
        var rest = await (await client.GetAsync("/api/v1/organizations/me/members?limit=3&offset=3")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        Assert.Equal(3, page.GetProperty("limit").GetInt32());
        var emails = page.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray())
            .Select(item => item.GetProperty("user").GetProperty("email").GetString()!).ToList();
        Assert.Equal(scene.People.Select(p => p.Email).Order(StringComparer.Ordinal), emails);
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Empty(item.GetProperty("board_access").EnumerateArray()));
    }

    [Fact]
    public async Task Given_members_When_reading_one_Then_admins_read_anyone_a_member_only_themselves_and_others_are_404()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var admin = world.ClientFor(scene.Admin);
        using var member = world.ClientFor(scene.Member);

        var byAdmin = await admin.GetAsync(MemberPath(scene.Target));
        var self = await member.GetAsync(MemberPath(scene.Member));
        var someoneElse = await member.GetAsync(MemberPath(scene.Target));
        var unknown = await admin.GetAsync($"/api/v1/organizations/me/members/{Guid.NewGuid()}");

        Assert.Equal(scene.Target.Id, (await byAdmin.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Given_an_admin_When_they_change_a_role_Then_it_is_normalized_absent_changes_nothing_and_blank_means_member()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Admin);

        var promoted = await client.PatchAsJsonAsync(MemberPath(scene.Target), new { role = " ADMIN " });
        var untouched = await client.PatchAsJsonAsync(MemberPath(scene.Target), new { });
        var roleAfterAbsent = (await Organizations.MemberAccessAsync(scene.Id, scene.Target.Id))!.Member.Role;
        var blank = await client.PatchAsJsonAsync(MemberPath(scene.Target), new { role = "" });

        Assert.Equal("admin", (await promoted.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.Equal("admin", roleAfterAbsent);
        Assert.Equal("member", (await blank.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal("member", (await Organizations.MemberAccessAsync(scene.Id, scene.Target.Id))!.Member.Role);
    }

    [Fact]
    public async Task Given_an_unknown_role_When_patched_Then_422_and_the_role_stays()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Owner);

        var response = await client.PatchAsJsonAsync(MemberPath(scene.Target), new { role = "superuser" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("member", (await Organizations.MemberAccessAsync(scene.Id, scene.Target.Id))!.Member.Role);
    }

    [Fact]
    public async Task Given_the_only_owner_When_they_demote_themselves_Then_422_at_least_one_owner()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Owner);

        var response = await client.PatchAsJsonAsync(MemberPath(scene.Owner), new { role = "admin" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Organization must have at least one owner", await response.DetailAsync());
    }

    [Fact]
    public async Task Given_an_admin_When_they_change_an_owner_role_Then_403()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Admin);

        var demote = await client.PatchAsJsonAsync(MemberPath(scene.Owner), new { role = "member" });
        var promote = await client.PatchAsJsonAsync(MemberPath(scene.Target), new { role = "owner" });

        Assert.Equal(HttpStatusCode.Forbidden, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal("owner", (await Organizations.MemberAccessAsync(scene.Id, scene.Owner.Id))!.Member.Role);
        Assert.Equal("member", (await Organizations.MemberAccessAsync(scene.Id, scene.Target.Id))!.Member.Role);
    }

    [Fact]
    public async Task Given_an_admin_When_they_replace_access_with_board_grants_Then_grants_replace_the_old_and_write_implies_read()
    {
        var organization = await world.NewOrganizationAsync($"Access {Guid.NewGuid():N}");
        var gatewayId = await world.NewGatewayAsync(organization);
        var first = await world.NewBoardAsync(organization, gatewayId, "First");
        var second = await world.NewBoardAsync(organization, gatewayId, "Second");
        var member = await world.AddMemberAsync(organization, "member",
            new MemberAccess(false, false, new Dictionary<Guid, BoardPermission> { [first] = new(true, false) }));
        using var client = world.ClientFor(organization.Owner);
        var path = MemberPath(member);

        var response = await client.PutAsJsonAsync($"{path}/access", new
        {
            board_access = new object[] { new { board_id = second, can_read = false, can_write = true } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = Assert.Single((await response.JsonAsync()).GetProperty("board_access").EnumerateArray());
        Assert.Equal(second, grant.GetProperty("board_id").GetGuid());
        Assert.True(grant.GetProperty("can_read").GetBoolean() && grant.GetProperty("can_write").GetBoolean());
        var stored = (await Organizations.MemberAccessAsync(organization.Id, member.Id))!;
        Assert.Equal([new BoardAccessRow(second, true, true)], stored.BoardAccess);
    }

    [Fact]
    public async Task Given_an_all_boards_flag_When_access_is_set_Then_per_board_rows_are_dropped()
    {
        var organization = await world.NewOrganizationAsync($"Flags {Guid.NewGuid():N}");
        var boardId = await world.NewBoardAsync(organization);
        var member = await world.AddMemberAsync(organization, "member");
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PutAsJsonAsync($"{MemberPath(member)}/access", new
        {
            all_boards_read = true,
            board_access = new object[] { new { board_id = boardId } },
        });

        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("all_boards_read").GetBoolean());
        Assert.False(body.GetProperty("all_boards_write").GetBoolean());
        Assert.Empty(body.GetProperty("board_access").EnumerateArray());
    }

    [Fact]
    public async Task Given_a_board_of_another_organization_When_granted_Then_422_and_access_unchanged()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var elsewhere = await world.NewOrganizationAsync($"Elsewhere {Guid.NewGuid():N}");
        var foreignBoard = await world.NewBoardAsync(elsewhere);
        using var client = world.ClientFor(scene.Owner);
        var before = await Persisted.StateAsync(world, scene);

        var foreign = await client.PutAsJsonAsync($"{MemberPath(scene.Target)}/access", new
        {
            board_access = new object[] { new { board_id = foreignBoard, can_write = true } },
        });
        var unknown = await client.PutAsJsonAsync($"{MemberPath(scene.Target)}/access", new
        {
            board_access = new object[] { new { board_id = Guid.NewGuid() } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(before, await Persisted.StateAsync(world, scene));
    }

    [Fact]
    public async Task Given_an_admin_When_they_remove_a_member_Then_ok_and_the_member_is_gone_and_lands_elsewhere()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var admin = world.ClientFor(scene.Admin);
        using var removed = world.ClientFor(scene.Target);

        var response = await admin.DeleteAsync(MemberPath(scene.Target));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Null(await Organizations.MemberAccessAsync(scene.Id, scene.Target.Id));
        var home = await (await removed.GetAsync("/api/v1/organizations/me")).JsonAsync();
        Assert.NotEqual(scene.Id, home.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(MemberPath(scene.Target))).StatusCode);
    }

    [Theory]
    [InlineData("admin", "admin", "You cannot remove yourself from the organization")]
    [InlineData("owner", "owner", "You cannot remove yourself from the organization")]
    [InlineData("admin", "owner", "Only owners can remove owners")]
    public async Task Given_a_protected_member_When_removed_Then_403_with_the_reason_and_nothing_changes(string actor, string target, string detail)
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.ByRole(actor));
        var before = await Persisted.StateAsync(world, scene);

        var response = await client.DeleteAsync(MemberPath(scene.ByRole(target)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(detail, await response.DetailAsync());
        Assert.Equal(before, await Persisted.StateAsync(world, scene));
    }

    [Fact]
    public async Task Given_two_owners_When_one_owner_removes_the_other_Then_allowed()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var owner = world.ClientFor(scene.Owner);
        await owner.PatchAsJsonAsync(MemberPath(scene.Admin), new { role = "owner" });

        var response = await owner.DeleteAsync(MemberPath(scene.Admin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await Organizations.MemberAccessAsync(scene.Id, scene.Admin.Id));
    }
}
