using System.Text.Json;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.Runtime;
using static MissionControl.Integration.Tests.Entities;

namespace MissionControl.Integration.Tests;

public sealed class OrganizationGrainTests(EntityGrainCluster fixture) : IClassFixture<EntityGrainCluster>
{
    private readonly Guid _owner = Guid.NewGuid();

    private IOrganizationGrain On(int silo, Guid id) => fixture.Silo(silo).Grain<IOrganizationGrain>(id);

    [Fact]
    public async Task Given_a_new_organization_When_read_on_another_silo_Then_its_creator_is_the_owner_with_every_board()
    {
        var id = Guid.NewGuid();

        await On(0, id).Create(new NewOrganization(" Acme ", _owner, "Owner@Acme.test"));
        var organization = await On(1, id).Get();

        Assert.Equal("Acme", organization.Name);
        var owner = Assert.Single(organization.Members);
        Assert.Equal((_owner, "owner@acme.test", "owner", true, true), (owner.UserId, owner.Email, owner.Role, owner.Access.AllBoardsRead, owner.Access.AllBoardsWrite));
        Assert.Empty(organization.Invites);
    }

    [Fact]
    public async Task Given_an_invite_When_the_invited_user_accepts_on_another_silo_Then_they_join_with_its_role_and_no_view_shows_the_token_hash()
    {
        var id = await OrganizationAsync();
        var (token, user) = (InviteTokens.Mint(), Guid.NewGuid());
        var invite = await On(0, id).CreateInvite(_owner, Invite(token, "Ada@Example.test", "admin"));

        var pending = await On(1, id).Get();
        var member = await On(1, id).AcceptInvite(user, "ada@example.test", InviteTokens.Hash(token));
        var after = await On(0, id).Get();

        Assert.Equal(("ada@example.test", "admin"), (invite.InvitedEmail, invite.Role));
        Assert.Equal(invite, Assert.Single(pending.Invites));
        Assert.DoesNotContain(InviteTokens.Hash(token), JsonSerializer.Serialize(pending));
        Assert.DoesNotContain(InviteTokens.Hash(token), pending.Invites.Single().ToString());
        Assert.Equal((user, "admin"), (member.UserId, member.Role));
        Assert.Equal([_owner, user], after.Members.Select(m => m.UserId));
        Assert.Empty(after.Invites);
    }

    [Fact]
    public async Task Given_an_invite_When_accepted_with_another_email_or_an_unknown_token_Then_forbidden_or_not_found()
    {
        var id = await OrganizationAsync();
        var token = InviteTokens.Mint();
        await On(0, id).CreateInvite(_owner, Invite(token, "ada@example.test"));

        await Refused(DomainErrorKind.Forbidden, () => On(1, id).AcceptInvite(Guid.NewGuid(), "eve@example.test", InviteTokens.Hash(token)));
        await Refused(DomainErrorKind.NotFound, () => On(1, id).AcceptInvite(Guid.NewGuid(), "ada@example.test", InviteTokens.Hash("guessed")));
    }

    [Fact]
    public async Task Given_a_revoked_invite_When_accepted_Then_not_found()
    {
        var id = await OrganizationAsync();
        var token = InviteTokens.Mint();
        var invite = await On(0, id).CreateInvite(_owner, Invite(token, "ada@example.test"));

        await On(1, id).RevokeInvite(_owner, invite.Id);

        await Refused(DomainErrorKind.NotFound, () => On(0, id).AcceptInvite(Guid.NewGuid(), "ada@example.test", InviteTokens.Hash(token)));
        await Refused(DomainErrorKind.NotFound, () => On(0, id).RevokeInvite(_owner, invite.Id));
    }

    [Fact]
    public async Task Given_a_plain_member_When_they_manage_invites_or_members_Then_forbidden()
    {
        var id = await OrganizationAsync();
        var member = await JoinAsync(id, "member");

        await Refused(DomainErrorKind.Forbidden, () => On(0, id).CreateInvite(member, Invite(InviteTokens.Mint(), "bob@example.test")));
        await Refused(DomainErrorKind.Forbidden, () => On(0, id).ChangeMemberRole(member, member, "admin"));
        await Refused(DomainErrorKind.Forbidden, () => On(0, id).Delete(member));
        var outsider = await Refused(DomainErrorKind.Forbidden, () => On(0, id).RemoveMember(Guid.NewGuid(), member));
        Assert.Equal("No org access", outsider.Detail);
    }

    [Fact]
    public async Task Given_the_only_owner_When_demoted_or_removing_themselves_Then_refused_and_an_admin_cannot_touch_owners()
    {
        var id = await OrganizationAsync();
        var admin = await JoinAsync(id, "admin");

        var demoted = await Refused(DomainErrorKind.Validation, () => On(0, id).ChangeMemberRole(_owner, _owner, "admin"));
        Assert.Equal("Organization must have at least one owner", demoted.Detail);
        await Refused(DomainErrorKind.Forbidden, () => On(1, id).RemoveMember(_owner, _owner));
        await Refused(DomainErrorKind.Forbidden, () => On(1, id).RemoveMember(admin, _owner));
        await Refused(DomainErrorKind.Validation, () => On(1, id).ChangeMemberRole(_owner, admin, "superuser"));
        Assert.Equal("owner", (await On(1, id).Get()).Members.Single(m => m.UserId == _owner).Role);
    }

    [Fact]
    public async Task Given_a_member_When_an_owner_changes_their_role_and_removes_them_Then_the_view_follows()
    {
        var id = await OrganizationAsync();
        var member = await JoinAsync(id, "member");

        var promoted = await On(0, id).ChangeMemberRole(_owner, member, "ADMIN");
        var removed = await On(1, id).RemoveMember(_owner, member);

        Assert.Equal("admin", promoted.Members.Single(m => m.UserId == member).Role);
        Assert.DoesNotContain(removed.Members, m => m.UserId == member);
        await Refused(DomainErrorKind.NotFound, () => On(0, id).ChangeMemberRole(_owner, member, "admin"));
    }

    [Fact]
    public async Task Given_grants_When_one_board_belongs_to_another_organization_Then_validation_error_else_the_grants_are_kept()
    {
        var id = await OrganizationAsync();
        var member = await JoinAsync(id, "member");
        var ours = await ReadyBoardAsync(fixture.Silo(0), id);
        var theirs = await ReadyBoardAsync(fixture.Silo(0), Guid.NewGuid());

        var error = await Refused(DomainErrorKind.Validation, () => On(1, id).SetMemberAccess(_owner, member, Grants(ours.Id, theirs.Id)));
        Assert.Equal("Some board ids do not belong to this organization", error.Detail);
        await Refused(DomainErrorKind.Validation, () => On(1, id).SetMemberAccess(_owner, member, Grants(Guid.NewGuid())));

        var view = await On(1, id).SetMemberAccess(_owner, member, Grants(ours.Id));
        var access = view.Members.Single(m => m.UserId == member).Access;
        Assert.Equal(new BoardPermission(true, true), Assert.Single(access.Boards, b => b.Key == ours.Id).Value);
    }

    [Fact]
    public async Task Given_an_organization_When_its_owner_deletes_it_Then_it_is_not_found_and_deleting_again_is_harmless()
    {
        var id = await OrganizationAsync();

        await On(0, id).Delete(_owner);

        await Refused(DomainErrorKind.NotFound, () => On(1, id).Get());
        await Refused(DomainErrorKind.NotFound, () => On(1, id).CreateInvite(_owner, Invite(InviteTokens.Mint(), "ada@example.test")));
        await On(1, id).Delete(_owner);
        await Refused(DomainErrorKind.NotFound, () => On(1, Guid.NewGuid()).Delete(_owner));
    }

    [Fact]
    public async Task Given_a_silo_with_an_old_copy_When_it_changes_a_member_who_joined_through_another_silo_Then_it_succeeds()
    {
        var id = await OrganizationAsync();
        await On(1, id).Get(); // silo 1 now holds the organization without the new member

        var member = await JoinAsync(id, "member", silo: 0);
        var view = await On(1, id).ChangeMemberRole(_owner, member, "admin");

        Assert.Equal("admin", view.Members.Single(m => m.UserId == member).Role);
    }

    [Fact]
    public async Task Given_invites_created_at_once_on_two_silos_When_all_have_answered_Then_every_acknowledged_invite_is_pending()
    {
        var id = await OrganizationAsync();
        await On(1, id).Get();

        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            var invite = Invite(InviteTokens.Mint(), $"user{i}@example.test");
            try
            {
                return (await On(i % 2, id).CreateInvite(_owner, invite)).Id;
            }
            catch (ConcurrencyException)
            {
                return (Guid?)null; // A conflict is reported to the caller (409), never silently dropped.
            }
        });
        var acknowledged = (await Task.WhenAll(attempts)).OfType<Guid>().ToHashSet();

        var pending = (await On(0, id).Get()).Invites.Select(i => i.Id).ToHashSet();
        Assert.NotEmpty(acknowledged);
        Assert.Equal(acknowledged, pending);
    }

    private async Task<Guid> OrganizationAsync()
    {
        var id = Guid.NewGuid();
        await On(0, id).Create(new NewOrganization("Acme", _owner, "owner@acme.test"));
        return id;
    }

    private async Task<Guid> JoinAsync(Guid organizationId, string role, int silo = 0)
    {
        var (user, token) = (Guid.NewGuid(), InviteTokens.Mint());
        var email = $"{user:N}@example.test";
        await On(silo, organizationId).CreateInvite(_owner, Invite(token, email, role));
        await On(silo, organizationId).AcceptInvite(user, email, InviteTokens.Hash(token));
        return user;
    }

    private static NewInvite Invite(string token, string email, string? role = null) =>
        new(Guid.NewGuid(), email, InviteTokens.Hash(token), role, MemberAccess.None);

    private static MemberAccess Grants(params Guid[] boards) =>
        new(false, false, boards.ToDictionary(b => b, _ => new BoardPermission(false, true)));
}
