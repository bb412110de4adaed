using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Security;
using MissionControl.ReadModels.Queries;
using Npgsql;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>Invites: issuing (the token shown once), listing, revoking and accepting them.</summary>
public sealed class OrganizationInvitesApiTests(World world) : IClassFixture<World>
{
    private const string Invites = "/api/v1/organizations/me/invites";
    private const string Accept = "/api/v1/organizations/invites/accept";

    private OrganizationQueries Organizations => world.Services.GetRequiredService<OrganizationQueries>();

    private static TestUser Newcomer(string email)
    {
        var subject = $"newcomer-{Guid.NewGuid():N}";
        return new TestUser(subject, email, UserIds.FromSubject(subject));
    }

    private static string NewEmail() => $"new-{Guid.NewGuid():N}@mission-control.test";

    [Fact]
    public async Task Given_an_admin_When_they_invite_Then_the_token_is_answered_once_stored_only_as_its_digest_and_works()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var admin = world.ClientFor(scene.Admin);
        var email = NewEmail();

        var response = await admin.PostAsJsonAsync(Invites, new { invited_email = $"  {email.ToUpperInvariant()} ", role = "admin", all_boards_read = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.JsonAsync();
        var token = created.GetProperty("token").GetString()!;
        var inviteId = created.GetProperty("id").GetGuid();
        Assert.True(token.Length >= 32);
        Assert.Equal(email, created.GetProperty("invited_email").GetString());
        Assert.Equal("admin", created.GetProperty("role").GetString());
        Assert.True(created.GetProperty("all_boards_read").GetBoolean());
        Assert.Equal(scene.Id, created.GetProperty("organization_id").GetGuid());
        Assert.Equal(scene.Admin.Id, created.GetProperty("created_by_user_id").GetGuid());
        var listed = (await (await admin.GetAsync(Invites)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetGuid() == inviteId);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("token").ValueKind);
        Assert.Equal(0L, await CountAsync("select count(*) from mt_events where data::text like '%' || $1 || '%'", token));
        Assert.Equal(0L, await CountAsync("select count(*) from organization_invites where token_hash = $1", token));
        Assert.Equal(1L, await CountAsync("select count(*) from organization_invites where token_hash = $1", InviteTokens.Hash(token)));

        using var invited = world.ClientFor(Newcomer(email));
        var accepted = await invited.PostAsJsonAsync(Accept, new { token });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var member = await accepted.JsonAsync();
        Assert.Equal("admin", member.GetProperty("role").GetString());
        Assert.Equal(scene.Id, member.GetProperty("organization_id").GetGuid());
        Assert.Equal(email, member.GetProperty("user").GetProperty("email").GetString());
        var mine = await (await invited.GetAsync("/api/v1/organizations/me")).JsonAsync();
        Assert.Equal(scene.Id, mine.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await invited.PostAsJsonAsync(Accept, new { token })).StatusCode);
    }

    [Fact]
    public async Task Given_pending_invites_When_listed_Then_newest_first_as_a_page()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var owner = world.ClientFor(scene.Owner);
        var second = await (await owner.PostAsJsonAsync(Invites, new { invited_email = NewEmail() })).JsonAsync();

        var page = await (await owner.GetAsync($"{Invites}?limit=1")).JsonAsync();

        Assert.Equal(2, page.GetProperty("total").GetInt64());
        Assert.Equal(second.GetProperty("id").GetGuid(), Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Given_an_existing_member_email_When_invited_Then_409_and_no_invite()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var owner = world.ClientFor(scene.Owner);

        var response = await owner.PostAsJsonAsync(Invites, new { invited_email = scene.Member.Email });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, (await Organizations.PendingInvitesAsync(scene.Id, 10, 0)).Total);
    }

    [Fact]
    public async Task Given_a_blank_email_When_invited_Then_422_and_no_invite()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var owner = world.ClientFor(scene.Owner);

        var response = await owner.PostAsJsonAsync(Invites, new { invited_email = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, (await Organizations.PendingInvitesAsync(scene.Id, 10, 0)).Total);
    }

    [Fact]
    public async Task Given_an_admin_When_they_invite_an_owner_Then_403_and_an_owner_may()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var admin = world.ClientFor(scene.Admin);
        using var owner = world.ClientFor(scene.Owner);

        var byAdmin = await admin.PostAsJsonAsync(Invites, new { invited_email = NewEmail(), role = "owner" });
        var byOwner = await owner.PostAsJsonAsync(Invites, new { invited_email = NewEmail(), role = "owner" });

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal("Only owners can invite owners", await byAdmin.DetailAsync());
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
    }

    [Fact]
    public async Task Given_a_board_of_another_organization_When_invited_with_it_Then_422_and_no_invite()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var foreignBoard = await world.NewBoardAsync(await world.NewOrganizationAsync($"Other {Guid.NewGuid():N}"));
        using var owner = world.ClientFor(scene.Owner);

        var response = await owner.PostAsJsonAsync(Invites, new
        {
            invited_email = NewEmail(),
            board_access = new object[] { new { board_id = foreignBoard } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(1, (await Organizations.PendingInvitesAsync(scene.Id, 10, 0)).Total);
    }

    [Fact]
    public async Task Given_a_pending_invite_When_revoked_Then_it_is_answered_gone_from_the_list_and_its_token_is_dead()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        using var admin = world.ClientFor(scene.Admin);

        var response = await admin.DeleteAsync($"{Invites}/{scene.InviteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revoked = await response.JsonAsync();
        Assert.Equal(scene.InviteId, revoked.GetProperty("id").GetGuid());
        Assert.Equal(scene.InvitedEmail, revoked.GetProperty("invited_email").GetString());
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("token").ValueKind);
        Assert.Equal(0, (await Organizations.PendingInvitesAsync(scene.Id, 10, 0)).Total);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Invites}/{scene.InviteId}")).StatusCode);
        using var invited = world.ClientFor(scene.InvitedUser());
        Assert.Equal(HttpStatusCode.NotFound, (await invited.PostAsJsonAsync(Accept, new { token = scene.InviteToken })).StatusCode);
    }

    [Fact]
    public async Task Given_an_unknown_token_When_accepted_Then_404()
    {
        using var client = world.ClientFor(World.NewUser());

        var response = await client.PostAsJsonAsync(Accept, new { token = InviteTokens.Mint() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_an_invite_for_another_email_When_accepted_Then_403_and_the_invite_stays_pending()
    {
        var scene = await OrganizationScene.CreateAsync(world);
        var stranger = World.NewUser();
        using var client = world.ClientFor(stranger);

        var response = await client.PostAsJsonAsync(Accept, new { token = scene.InviteToken });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await Organizations.MemberAccessAsync(scene.Id, stranger.Id));
        Assert.Equal(1, (await Organizations.PendingInvitesAsync(scene.Id, 10, 0)).Total);
    }

    [Fact]
    public async Task Given_a_member_with_later_invites_When_accepting_Then_the_role_only_rises_and_access_is_merged()
    {
        var organization = await world.NewOrganizationAsync($"Merge {Guid.NewGuid():N}");
        var gatewayId = await world.NewGatewayAsync(organization);
        var read = await world.NewBoardAsync(organization, gatewayId, "Read");
        var write = await world.NewBoardAsync(organization, gatewayId, "Write");
        using var owner = world.ClientFor(organization.Owner);
        var email = NewEmail();
        var asMember = await TokenAsync(owner, new { invited_email = email, board_access = new object[] { new { board_id = read } } });
        var asAdmin = await TokenAsync(owner, new { invited_email = email, role = "admin", board_access = new object[] { new { board_id = write, can_write = true } } });
        var asMemberAgain = await TokenAsync(owner, new { invited_email = email, role = "member" });
        var user = Newcomer(email);
        using var client = world.ClientFor(user);

        var joined = await client.PostAsJsonAsync(Accept, new { token = asMember });
        var upgraded = await client.PostAsJsonAsync(Accept, new { token = asAdmin });
        var kept = await client.PostAsJsonAsync(Accept, new { token = asMemberAgain });

        Assert.Equal("member", (await joined.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal("admin", (await upgraded.JsonAsync()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var access = (await Organizations.MemberAccessAsync(organization.Id, user.Id))!;
        Assert.Equal("admin", access.Member.Role);
        Assert.Equal(
            [new BoardAccessRow(read, true, false), new BoardAccessRow(write, true, true)],
            access.BoardAccess.OrderBy(grant => grant.BoardId == read ? 0 : 1));
        Assert.Equal(0, (await Organizations.PendingInvitesAsync(organization.Id, 10, 0)).Total);
    }

    private static async Task<string> TokenAsync(HttpClient owner, object invite)
    {
        var response = await owner.PostAsJsonAsync(Invites, invite);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("token").GetString()!;
    }

    private async Task<long> CountAsync(string sql, string value)
    {
        await using var command = world.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
