using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Security;
using MissionControl.ReadModels.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace MissionControl.Api.Tests;

/// <summary>First sign-in and the signed-in user's own profile, over real PostgreSQL.</summary>
public sealed class UsersApiTests(World world) : IClassFixture<World>
{
    private OrganizationQueries Organizations => world.Services.GetRequiredService<OrganizationQueries>();

    [Fact]
    public async Task Given_a_new_user_When_they_bootstrap_twice_Then_they_are_registered_once_as_owner_of_one_personal_organization()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);

        var first = await client.PostAsync("/api/v1/auth/bootstrap", null);
        var second = await client.PostAsync("/api/v1/auth/bootstrap", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.Equal(user.Id.ToString(), body.GetProperty("id").GetString());
        Assert.Equal(user.Subject, body.GetProperty("clerk_user_id").GetString());
        Assert.Equal(user.Email, body.GetProperty("email").GetString());
        Assert.False(body.GetProperty("is_super_admin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var memberships = await Organizations.OfUserAsync(user.Id);
        var personal = Assert.Single(memberships);
        Assert.Equal("Personal", personal.Name);
        Assert.Equal("owner", personal.Role);
    }

    [Fact]
    public async Task Given_a_pending_invite_for_their_email_When_a_new_user_signs_in_Then_they_join_that_organization_instead_of_a_personal_one()
    {
        var organization = await world.NewOrganizationAsync("Invited Co");
        var user = World.NewUser();
        var access = new MemberAccess(true, false, new Dictionary<Guid, BoardPermission>());
        await world.Grain<IOrganizationGrain>(organization.Id).CreateInvite(
            organization.Owner.Id, new NewInvite(Guid.NewGuid(), user.Email, InviteTokens.Hash(InviteTokens.Mint()), "admin", access));
        using var client = world.ClientFor(user);

        var response = await client.GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var membership = Assert.Single(await Organizations.OfUserAsync(user.Id));
        Assert.Equal(organization.Id, membership.Id);
        Assert.Equal("admin", membership.Role);
        Assert.Empty((await Organizations.PendingInvitesAsync(organization.Id, 10, 0)).Items);
    }

    [Fact]
    public async Task Given_a_user_When_they_patch_their_profile_Then_given_fields_change_absent_ones_stay_and_blank_clears()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        await client.PatchAsJsonAsync("/api/v1/users/me", new { preferred_name = "Sam", timezone = "Europe/Oslo", notes = "night owl" });

        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { notes = "  ", pronouns = "they/them" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await (await client.GetAsync("/api/v1/users/me")).JsonAsync();
        Assert.Equal("Sam", body.GetProperty("preferred_name").GetString());
        Assert.Equal("Europe/Oslo", body.GetProperty("timezone").GetString());
        Assert.Equal("they/them", body.GetProperty("pronouns").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("notes").ValueKind);
    }

    [Fact]
    public async Task Given_a_profile_patch_of_the_wrong_type_When_sent_Then_422_and_nothing_changes()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        await client.PatchAsJsonAsync("/api/v1/users/me", new { timezone = "UTC" });

        var response = await client.PatchAsync("/api/v1/users/me", Responses.Json("""{"timezone": 42}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("UTC", (await world.Grain<IUserGrain>(user.Id).Get()).Timezone);
    }

    [Fact]
    public async Task Given_a_user_alone_in_one_organization_and_sharing_another_When_they_delete_their_account_Then_the_first_goes_and_they_leave_the_second()
    {
        var shared = await world.NewOrganizationAsync("Shared");
        var user = await world.AddMemberAsync(shared, "member");
        using var client = world.ClientFor(user);
        var alone = Guid.NewGuid();
        await world.Grain<IOrganizationGrain>(alone).Create(new NewOrganization("Solo", user.Id, user.Email));

        var response = await client.DeleteAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("ok").GetBoolean());
        Assert.Null(await Organizations.GetAsync(alone));
        Assert.NotNull(await Organizations.GetAsync(shared.Id));
        Assert.Null(await Organizations.MemberAccessAsync(shared.Id, user.Id));
        await Assert.ThrowsAsync<MissionControl.Grains.Common.DomainException>(() => world.Grain<IUserGrain>(user.Id).Get());
    }

    [Fact]
    public async Task Given_a_deleted_user_When_they_sign_in_again_Then_they_start_afresh_with_a_new_personal_organization()
    {
        var user = World.NewUser();
        using var client = world.ClientFor(user);
        await client.PostAsync("/api/v1/auth/bootstrap", null);
        var before = Assert.Single(await Organizations.OfUserAsync(user.Id));
        await client.DeleteAsync("/api/v1/users/me");

        var again = await client.PostAsync("/api/v1/auth/bootstrap", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var after = Assert.Single(await Organizations.OfUserAsync(user.Id));
        Assert.NotEqual(before.Id, after.Id);
        Assert.Null(await Organizations.GetAsync(before.Id));
    }

    [Fact]
    public async Task Without_credentials_users_me_answers_401()
    {
        using var client = world.AnonymousClient();

        var response = await client.GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
