using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>Creating organizations, the caller's list and active one, and deleting it.</summary>
public sealed class OrganizationsApiTests(World world) : IClassFixture<World>
{
    private OrganizationQueries Organizations => world.Services.GetRequiredService<OrganizationQueries>();

    [Fact]
    public async Task Given_a_user_When_they_create_an_organization_Then_they_own_it_with_every_board_and_work_in_it()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        var name = $"Rocket {Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/v1/organizations", new { name = $"  {name} " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.True(body.TryGetProperty("created_at", out _) && body.TryGetProperty("updated_at", out _));
        var access = (await Organizations.MemberAccessAsync(id, user.Id))!;
        Assert.Equal("owner", access.Member.Role);
        Assert.True(access.Member.AllBoardsRead && access.Member.AllBoardsWrite);
        Assert.Equal(id, (await world.Grain<IUserGrain>(user.Id).Get()).ActiveOrganizationId);
        var mine = await (await client.GetAsync("/api/v1/organizations/me/list")).JsonAsync();
        Assert.Contains(mine.EnumerateArray(), org => org.GetProperty("id").GetGuid() == id && org.GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task Given_a_taken_name_in_another_case_When_an_organization_is_created_Then_409_and_nothing_is_created()
    {
        var name = $"Taken {Guid.NewGuid():N}";
        await world.NewOrganizationAsync(name);
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        await client.GetAsync("/api/v1/users/me");

        var response = await client.PostAsJsonAsync("/api/v1/organizations", new { name = name.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Conflict", await response.DetailAsync());
        Assert.Equal(["Personal"], (await Organizations.OfUserAsync(user.Id)).Select(org => org.Name));
    }

    [Fact]
    public async Task Given_a_deleted_organization_When_its_name_is_used_again_Then_the_new_one_is_created()
    {
        var name = $"Reborn {Guid.NewGuid():N}";
        using var first = world.ClientFor(World.NewUser());
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/organizations", new { name })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.DeleteAsync("/api/v1/organizations/me")).StatusCode);
        using var second = world.ClientFor(World.NewUser());

        var response = await second.PostAsJsonAsync("/api/v1/organizations", new { name = name.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name.ToUpperInvariant(), (await response.JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Given_several_users_racing_for_one_name_When_they_create_at_once_Then_exactly_one_succeeds()
    {
        var name = $"Race {Guid.NewGuid():N}";
        var clients = Enumerable.Range(0, 4).Select(_ => world.ClientFor(World.NewUser())).ToList();
        await Task.WhenAll(clients.Select(client => client.GetAsync("/api/v1/users/me")));

        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostAsJsonAsync("/api/v1/organizations", new { name = i % 2 == 0 ? name : name.ToLowerInvariant() })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var client in clients)
            client.Dispose();
    }

    [Fact]
    public async Task Given_a_blank_name_When_an_organization_is_created_Then_422_and_nothing_is_created()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        await client.GetAsync("/api/v1/users/me");

        var response = await client.PostAsJsonAsync("/api/v1/organizations", new { name = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Single(await Organizations.OfUserAsync(user.Id));
    }

    [Fact]
    public async Task Given_a_user_in_several_organizations_When_listing_Then_a_bare_array_by_name_ignoring_case_with_roles_and_the_active_one()
    {
        var scene = await OrganizationScene.CreateAsync(world, "zeta");
        var other = await world.NewOrganizationAsync($"Alpha {Guid.NewGuid():N}");
        await world.Grain<IOrganizationGrain>(other.Id).CreateInvite(other.Owner.Id, new NewInvite(
            Guid.NewGuid(), scene.Admin.Email, "hash-" + Guid.NewGuid(), "member", MemberAccess.None));
        var invite = (await Organizations.PendingInvitesAsync(other.Id, 10, 0)).Items.Single();
        await world.Grain<IOrganizationGrain>(other.Id).ClaimInvite(scene.Admin.Id, scene.Admin.Email, invite.Id);
        using var client = world.ClientFor(scene.Admin);

        var response = await client.GetAsync("/api/v1/organizations/me/list");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([other.Id, scene.Id], items.Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(["member", "admin"], items.Select(item => item.GetProperty("role").GetString()));
        Assert.Equal([false, true], items.Select(item => item.GetProperty("is_active").GetBoolean()));
    }

    [Fact]
    public async Task Given_a_member_of_two_organizations_When_they_switch_Then_the_other_becomes_active_and_me_follows()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Owner);
        var created = await (await client.PostAsJsonAsync("/api/v1/organizations", new { name = $"Second {Guid.NewGuid():N}" })).JsonAsync();

        var response = await client.PatchAsJsonAsync("/api/v1/organizations/me/active", new { organization_id = scene.Id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(scene.Id, (await response.JsonAsync()).GetProperty("id").GetGuid());
        var me = await (await client.GetAsync("/api/v1/organizations/me")).JsonAsync();
        Assert.Equal(scene.Id, me.GetProperty("id").GetGuid());
        Assert.NotEqual(scene.Id, created.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Given_an_organization_the_user_is_not_in_When_they_switch_to_it_Then_403_no_org_access_and_nothing_changes()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var stranger = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.Member);

        var foreign = await client.PatchAsJsonAsync("/api/v1/organizations/me/active", new { organization_id = stranger.Id });
        var unknown = await client.PatchAsJsonAsync("/api/v1/organizations/me/active", new { organization_id = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("No org access", await foreign.DetailAsync());
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(scene.Id, (await world.Grain<IUserGrain>(scene.Member.Id).Get()).ActiveOrganizationId);
    }

    [Fact]
    public async Task Given_a_member_When_they_read_their_organization_Then_its_id_name_and_times()
    {
        var scene = await OrganizationScene.CreateAsync(world, "Readable");
        using var client = world.ClientFor(scene.Member);

        var response = await client.GetAsync("/api/v1/organizations/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(scene.Id, body.GetProperty("id").GetGuid());
        Assert.StartsWith("Readable ", body.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(["id", "name", "created_at", "updated_at"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Given_an_owner_When_they_delete_the_organization_Then_its_boards_agents_and_invites_are_unreachable_and_members_move_on()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var gatewayId = await world.NewGatewayAsync(scene.Organization);
        var boardId = await world.NewBoardAsync(scene.Organization, gatewayId);
        var agent = await world.NewAgentAsync(boardId);
        using var owner = world.ClientFor(scene.Owner);
        using var member = world.ClientFor(scene.Member);
        using var agentClient = world.ClientFor(agent);
        Assert.Equal(HttpStatusCode.OK, (await agentClient.PostAsync("/api/v1/agent/heartbeat", null)).StatusCode);

        var response = await owner.DeleteAsync("/api/v1/organizations/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Null(await Organizations.GetAsync(scene.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await agentClient.PostAsync("/api/v1/agent/heartbeat", null)).StatusCode);
        Assert.Null(await world.Services.GetRequiredService<BoardQueries>().GetAsync(boardId));
        Assert.Null(await world.Services.GetRequiredService<GatewayQueries>().GetAsync(gatewayId));
        Assert.Null(await world.Grain<IAgentGrain>(agent.Id).Get());
        Assert.False(world.Gateway.State.HasAgent($"mc-{agent.Id}"));
        var memberHome = await (await member.GetAsync("/api/v1/organizations/me")).JsonAsync();
        Assert.NotEqual(scene.Id, memberHome.GetProperty("id").GetGuid());
        var list = await (await member.GetAsync("/api/v1/organizations/me/list")).JsonAsync();
        Assert.DoesNotContain(list.EnumerateArray(), org => org.GetProperty("id").GetGuid() == scene.Id);
        using var invited = world.ClientFor(scene.InvitedUser());
        var accept = await invited.PostAsJsonAsync("/api/v1/organizations/invites/accept", new { token = scene.InviteToken });
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
    }

    [Fact]
    public async Task Given_a_gateway_refusing_an_agents_cleanup_When_the_owner_deletes_the_organization_Then_502_names_it_the_organization_stays_and_deleting_again_finishes()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var gatewayId = await world.NewGatewayAsync(scene.Organization);
        var boardId = await world.NewBoardAsync(scene.Organization, gatewayId);
        await world.NewAgentAsync(boardId);
        using var owner = world.ClientFor(scene.Owner);
        world.Gateway.Faults.Fail("agents.delete", "workspace is locked", times: 1);

        var refused = await owner.DeleteAsync("/api/v1/organizations/me");
        var kept = await owner.GetAsync("/api/v1/organizations/me");
        var again = await owner.DeleteAsync("/api/v1/organizations/me");

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal("Gateway cleanup failed: agents.delete: workspace is locked", await refused.DetailAsync());
        Assert.Equal(scene.Id, (await kept.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain(await Organizations.OfUserAsync(scene.Owner.Id), org => org.Id == scene.Id);
    }

    [Fact]
    public async Task Given_a_user_alone_in_their_personal_organization_When_they_delete_it_Then_they_get_a_fresh_one()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        var personal = (await (await client.GetAsync("/api/v1/organizations/me")).JsonAsync()).GetProperty("id").GetGuid();

        var response = await client.DeleteAsync("/api/v1/organizations/me");
        var after = await client.GetAsync("/api/v1/organizations/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var fresh = (await after.JsonAsync()).GetProperty("id").GetGuid();
        Assert.NotEqual(personal, fresh);
        Assert.Equal("Personal", Assert.Single(await Organizations.OfUserAsync(user.Id)).Name);
    }

    [Theory]
    [InlineData("admin", "Only organization owners can delete organizations")]
    [InlineData("member", "Forbidden")]
    public async Task Given_a_non_owner_When_they_delete_the_organization_Then_403_and_it_stays(string role, string detail)
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var client = world.ClientFor(scene.ByRole(role));
        var before = await Persisted.StateAsync(world, scene);

        var response = await client.DeleteAsync("/api/v1/organizations/me");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(detail, await response.DetailAsync());
        Assert.Equal(before, await Persisted.StateAsync(world, scene));
    }

    [Fact]
    public async Task Without_credentials_the_organization_routes_answer_401()
    {
        using var client = world.AnonymousClient();

        var list = await client.GetAsync("/api/v1/organizations/me/list");
        var create = await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Nope" });
        var accept = await client.PostAsJsonAsync("/api/v1/organizations/invites/accept", new { token = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accept.StatusCode);
    }
}
