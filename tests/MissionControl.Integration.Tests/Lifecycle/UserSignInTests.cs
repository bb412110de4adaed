using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class UserSignInTests
{
    [Fact]
    public async Task Given_a_new_user_When_their_first_requests_arrive_through_two_silos_at_once_Then_one_personal_organization_is_made_and_active()
    {
        await using var cluster = await DomainCluster.StartAsync(silos: 2);
        var identity = new UserIdentity($"local:{Guid.NewGuid():N}", "new@user.test", "New User");
        var userId = UserIds.FromSubject(identity.Subject);

        var views = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            cluster.Silos[i % 2].Grains.GetGrain<IUserGrain>(userId.ToString()).SignIn(identity)));
        var organizations = await cluster.Service<OrganizationQueries>().OfUserAsync(userId);

        var personal = Assert.Single(organizations);
        Assert.Equal("Personal", personal.Name);
        Assert.All(views, view => Assert.Equal(personal.Id, view.ActiveOrganizationId));
    }

    [Fact]
    public async Task Given_an_invite_to_a_new_users_email_When_they_sign_in_Then_they_join_that_organization_instead_of_a_personal_one()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var ownerId = Guid.NewGuid();
        var organizationId = Guid.NewGuid();
        var organization = cluster.Grains().GetGrain<IOrganizationGrain>(organizationId.ToString());
        await organization.Create(new NewOrganization("Acme", ownerId, "owner@acme.test"));
        await organization.CreateInvite(ownerId, new NewInvite(Guid.NewGuid(), "invited@acme.test", "hash-of-token", "member", MemberAccess.None));
        var identity = new UserIdentity($"local:{Guid.NewGuid():N}", "invited@acme.test", "Invited");

        var view = await cluster.Grains().GetGrain<IUserGrain>(UserIds.FromSubject(identity.Subject).ToString()).SignIn(identity);

        Assert.Equal(organizationId, view.ActiveOrganizationId);
        Assert.Equal([organizationId], (await cluster.Service<OrganizationQueries>().OfUserAsync(view.Id)).Select(org => org.Id));
    }
}
