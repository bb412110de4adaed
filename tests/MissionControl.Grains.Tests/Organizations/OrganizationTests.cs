using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Tests.Organizations;

public class OrganizationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrgId = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid BoardA = Guid.NewGuid();
    private static readonly Guid ForeignBoard = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> OrgBoards = new HashSet<Guid> { BoardA };
    private static readonly IReadOnlyDictionary<Guid, BoardGrant> NoGrants = new Dictionary<Guid, BoardGrant>();

    private static OrganizationState Run(OrganizationState? state, OrganizationCommand command) =>
        OrganizationEvolver.Fold(OrganizationDecider.Decide(state, command), state)!;

    /// <summary>An organization with an owner, an admin and a plain member.</summary>
    private static OrganizationState Org()
    {
        var state = Run(null, new CreateOrganization(OrgId, "Acme", Owner, "owner@acme.test", T0));
        state = Run(state, Invite(Guid.NewGuid(), "admin@acme.test", "t-admin", Roles.Admin));
        state = Run(state, new AcceptInvite(Admin, "admin@acme.test", "t-admin", T0));
        state = Run(state, Invite(Guid.NewGuid(), "member@acme.test", "t-member", Roles.Member));
        return Run(state, new AcceptInvite(Member, "Member@Acme.test ", "t-member", T0));
    }

    private static CreateInvite Invite(Guid id, string email, string tokenHash, string role, Guid? actor = null) =>
        new(actor ?? Owner, id, email, tokenHash, role, false, false, NoGrants, OrgBoards, T0);

    [Fact]
    public void Given_no_organization_When_created_Then_creator_is_owner_with_all_board_access()
    {
        var state = Run(null, new CreateOrganization(OrgId, " Acme ", Owner, "Owner@Acme.test", T0));

        var owner = state.MemberOf(Owner)!;
        Assert.Equal("Acme", state.Name);
        Assert.Equal(Roles.Owner, owner.Role);
        Assert.True(owner.AllBoardsRead && owner.AllBoardsWrite);
        Assert.Equal("owner@acme.test", owner.Email);
    }

    [Fact]
    public void Given_no_organization_When_created_with_blank_name_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(null, new CreateOrganization(OrgId, " ", Owner, null, T0)));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_pending_invite_When_accepted_by_invited_email_Then_member_added_and_invite_consumed()
    {
        var state = Org();

        Assert.Equal(Roles.Member, state.MemberOf(Member)!.Role);
        Assert.Equal(Roles.Admin, state.MemberOf(Admin)!.Role);
        Assert.Empty(state.PendingInvites);
    }

    [Fact]
    public void Given_pending_invite_When_accepted_by_other_email_Then_forbidden()
    {
        var state = Run(Org(), Invite(Guid.NewGuid(), "new@acme.test", "t-new", Roles.Member));

        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new AcceptInvite(Guid.NewGuid(), "else@acme.test", "t-new", T0)));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_used_invite_When_accepted_again_Then_not_found()
    {
        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(Org(), new AcceptInvite(Member, "member@acme.test", "t-member", T0)));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_admin_member_When_accepting_member_invite_with_grant_Then_role_kept_and_grant_merged()
    {
        // An invite sent before the user joined by another route: accept must merge, not downgrade.
        var state = Run(null, new CreateOrganization(OrgId, "Acme", Owner, "owner@acme.test", T0));
        var grants = new Dictionary<Guid, BoardGrant> { [BoardA] = new(true, true) };
        state = Run(state, new CreateInvite(Owner, Guid.NewGuid(), "late@acme.test", "t-late", Roles.Member, false, false, grants, OrgBoards, T0));
        state = Run(state, new CreateInvite(Owner, Guid.NewGuid(), "late2@acme.test", "t-late2", Roles.Admin, false, false, NoGrants, OrgBoards, T0));
        var user = Guid.NewGuid();
        state = Run(state, new AcceptInvite(user, "late2@acme.test", "t-late2", T0));

        state = Run(state, new AcceptInvite(user, "late@acme.test", "t-late", T0));

        var member = state.MemberOf(user)!;
        Assert.Equal(Roles.Admin, member.Role);
        Assert.Equal(new BoardGrant(true, true), member.BoardAccess[BoardA]);
    }

    [Fact]
    public void Given_member_email_When_invited_again_Then_conflict()
    {
        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(Org(), Invite(Guid.NewGuid(), " MEMBER@acme.test", "t", Roles.Member)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_plain_member_When_inviting_Then_forbidden()
    {
        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(Org(), Invite(Guid.NewGuid(), "x@acme.test", "t", Roles.Member, actor: Member)));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_invite_with_foreign_board_When_created_Then_validation_error()
    {
        var grants = new Dictionary<Guid, BoardGrant> { [ForeignBoard] = new(true, false) };

        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(
            Org(), new CreateInvite(Owner, Guid.NewGuid(), "x@acme.test", "t", null, false, false, grants, OrgBoards, T0)));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_admin_When_removing_themselves_Then_forbidden_with_detail()
    {
        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(Org(), new RemoveMember(Admin, Admin, T0)));

        Assert.Equal("You cannot remove yourself from the organization", error.Detail);
    }

    [Fact]
    public void Given_admin_When_removing_owner_Then_forbidden_with_detail()
    {
        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(Org(), new RemoveMember(Admin, Owner, T0)));

        Assert.Equal("Only owners can remove owners", error.Detail);
    }

    [Fact]
    public void Given_single_owner_When_demoting_themselves_Then_at_least_one_owner_required()
    {
        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(Org(), new ChangeMemberRole(Owner, Owner, "admin", T0)));

        Assert.Equal("Organization must have at least one owner", error.Detail);
        Assert.Equal(422, error.HttpStatus);
    }

    [Fact]
    public void Given_two_owners_When_one_is_demoted_by_the_other_Then_allowed()
    {
        var state = Run(Org(), new ChangeMemberRole(Owner, Admin, "owner", T0));

        state = Run(state, new ChangeMemberRole(Admin, Owner, "admin", T0));

        Assert.Equal(Roles.Admin, state.MemberOf(Owner)!.Role);
        Assert.Equal(Roles.Owner, state.MemberOf(Admin)!.Role);
    }

    [Fact]
    public void Given_admin_When_promoting_someone_to_owner_Then_forbidden()
    {
        Assert.Throws<DomainException>(() => OrganizationDecider.Decide(Org(), new ChangeMemberRole(Admin, Member, "owner", T0)));
    }

    [Fact]
    public void Given_admin_When_changing_member_role_with_padded_uppercase_Then_normalized()
    {
        var state = Run(Org(), new ChangeMemberRole(Admin, Member, " ADMIN ", T0));

        Assert.Equal(Roles.Admin, state.MemberOf(Member)!.Role);
    }

    [Fact]
    public void Given_admin_When_removing_member_Then_member_gone()
    {
        var state = Run(Org(), new RemoveMember(Admin, Member, T0));

        Assert.Null(state.MemberOf(Member));
    }

    [Fact]
    public void Given_member_When_access_set_with_all_boards_flag_Then_per_board_grants_dropped()
    {
        var grants = new Dictionary<Guid, BoardGrant> { [BoardA] = new(true, false) };

        var state = Run(Org(), new SetMemberAccess(Admin, Member, true, false, grants, OrgBoards, T0));

        Assert.True(state.MemberOf(Member)!.AllBoardsRead);
        Assert.Empty(state.MemberOf(Member)!.BoardAccess);
    }

    [Fact]
    public void Given_admin_When_deleting_organization_Then_only_owners_may()
    {
        var error = Assert.Throws<DomainException>(() => OrganizationDecider.Decide(Org(), new DeleteOrganization(Admin, T0)));

        Assert.Equal("Only organization owners can delete organizations", error.Detail);
        Assert.IsType<OrganizationDeleted>(Assert.Single(OrganizationDecider.Decide(Org(), new DeleteOrganization(Owner, T0))));
    }

    [Fact]
    public void Given_pending_invite_When_revoked_Then_it_can_no_longer_be_accepted()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(Org(), Invite(inviteId, "new@acme.test", "t-new", Roles.Member));
        state = Run(state, new RevokeInvite(Admin, inviteId, T0));

        Assert.Throws<DomainException>(() => OrganizationDecider.Decide(state, new AcceptInvite(Guid.NewGuid(), "new@acme.test", "t-new", T0)));
    }
}
