using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;
using MissionControl.ReadModels.Queries;
using static MissionControl.Integration.Tests.ReadModels.Sample;

namespace MissionControl.Integration.Tests.ReadModels;

public sealed class OrganizationReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    private OrganizationQueries Organizations => fixture.Get<OrganizationQueries>();

    [Fact]
    public async Task Given_an_organization_with_an_owner_and_a_member_When_role_and_access_change_Then_member_access_shows_the_new_role_flags_and_grants()
    {
        var (organizationId, owner, member, boardA, boardB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(OrganizationStream(organizationId), 0,
            Organization(organizationId, "Acme"),
            Member(owner, Roles.Owner) with { AllBoardsRead = true, AllBoardsWrite = true },
            Member(member, Roles.Member, (boardA, false)));

        await fixture.AppendAsync(OrganizationStream(organizationId), 3,
            new OrganizationMemberRoleChanged(member, Roles.Admin, At(2)),
            new OrganizationMemberAccessSet(member, false, false,
                new Dictionary<Guid, BoardGrant> { [boardB] = new(true, true) }, At(3)));

        var access = await Organizations.MemberAccessAsync(organizationId, member);
        Assert.NotNull(access);
        Assert.Equal((Roles.Admin, false, false), (access.Member.Role, access.Member.AllBoardsRead, access.Member.AllBoardsWrite));
        Assert.Equal([new BoardAccessRow(boardB, true, true)], access.BoardAccess);
        var ownerAccess = await Organizations.MemberAccessAsync(organizationId, owner);
        Assert.Equal((Roles.Owner, true, true), (ownerAccess!.Member.Role, ownerAccess.Member.AllBoardsRead, ownerAccess.Member.AllBoardsWrite));
        Assert.Empty(ownerAccess.BoardAccess);
        Assert.Equal(new UserOrganizationRow(organizationId, "Acme", Roles.Admin), Assert.Single(await Organizations.OfUserAsync(member)));
    }

    [Fact]
    public async Task Given_a_member_with_grants_When_removed_Then_the_membership_and_its_grants_are_gone()
    {
        var (organizationId, member, board) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(OrganizationStream(organizationId), 0, Organization(organizationId), Member(member, Roles.Member, (board, true)));

        await fixture.AppendAsync(OrganizationStream(organizationId), 2, new OrganizationMemberRemoved(member, At(2)));

        Assert.Null(await Organizations.MemberAccessAsync(organizationId, member));
        Assert.Empty(await Organizations.OfUserAsync(member));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("select count(*) from organization_board_access where user_id = $1", member));
    }

    [Fact]
    public async Task Given_an_organization_with_three_members_When_paging_members_Then_total_counts_all_and_items_follow_emails()
    {
        var organizationId = Guid.NewGuid();
        var users = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        await fixture.AppendAsync(OrganizationStream(organizationId), 0,
            [Organization(organizationId), .. users.Select(u => Member(u, Roles.Member))]);

        var first = await Organizations.MembersAsync(organizationId, 2, 0);
        var second = await Organizations.MembersAsync(organizationId, 2, 2);

        Assert.Equal((3L, 3L), (first.Total, second.Total));
        Assert.Equal(users.OrderBy(u => u.ToString("N"), StringComparer.Ordinal), first.Items.Concat(second.Items).Select(m => m.UserId));
    }

    [Fact]
    public async Task Given_invites_When_one_is_accepted_and_one_revoked_Then_only_the_pending_one_is_listed_with_its_grants_and_only_its_token_digest()
    {
        var (organizationId, admin, board) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (accepted, revoked, pending) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(OrganizationStream(organizationId), 0,
            Organization(organizationId),
            Invite(accepted, admin, "a@example.test", board),
            Invite(revoked, admin, "b@example.test", board),
            Invite(pending, admin, "c@example.test", board));

        await fixture.AppendAsync(OrganizationStream(organizationId), 4,
            new OrganizationInviteAccepted(accepted, Guid.NewGuid(), At(5)),
            new OrganizationInviteRevoked(revoked, At(6)));

        var page = await Organizations.PendingInvitesAsync(organizationId, 200, 0);
        var invite = Assert.Single(page.Items);
        Assert.Equal((pending, "c@example.test", admin), (invite.Id, invite.InvitedEmail, invite.CreatedByUserId));
        Assert.Equal([new BoardAccessRow(board, true, false)], invite.BoardAccess);
        // Only the token's digest is kept, so an invite can be found by its token; never the token.
        Assert.Equal("token_hash", await fixture.ScalarAsync<string>(
            "select string_agg(column_name, ',') from information_schema.columns where table_schema = current_schema() and table_name like 'organization_invite%' and column_name like '%token%'"));
        Assert.Equal("sha256-digest-of-the-invite-token", await fixture.ScalarAsync<string>(
            "select token_hash from organization_invites where id = $1", pending));
    }

    [Fact]
    public async Task Given_a_deleted_organization_When_listing_a_members_organizations_Then_it_is_gone()
    {
        var (organizationId, member) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.AppendAsync(OrganizationStream(organizationId), 0, Organization(organizationId), Member(member, Roles.Owner));

        await fixture.AppendAsync(OrganizationStream(organizationId), 2, new OrganizationDeleted(At(2)));

        Assert.Empty(await Organizations.OfUserAsync(member));
        Assert.Null(await Organizations.GetAsync(organizationId));
    }

    private static OrganizationInviteCreated Invite(Guid inviteId, Guid by, string email, Guid board) =>
        new(inviteId, email, "sha256-digest-of-the-invite-token", Roles.Member, false, false,
            new Dictionary<Guid, BoardGrant> { [board] = new(true, false) }, by, At(4));
}
