using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;
using MissionControl.Grains.Organizations.Events;

namespace MissionControl.Grains.Tests.Organizations;

/// <summary>Joining by a claimed invite on first sign-in, leaving with a deleted account, and who may invite owners.</summary>
public class OrganizationMembershipLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrgId = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();
    private static readonly Guid BoardA = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> OrgBoards = new HashSet<Guid> { BoardA };
    private static readonly IReadOnlyDictionary<Guid, BoardGrant> NoGrants = new Dictionary<Guid, BoardGrant>();

    private static OrganizationState Run(OrganizationState? state, OrganizationCommand command) =>
        OrganizationEvolver.Fold(OrganizationDecider.Decide(state, command), state)!;

    private static OrganizationState Created() => Run(null, new CreateOrganization(OrgId, "Acme", Owner, "owner@acme.test", T0));

    private static OrganizationState WithAdmin() =>
        Run(Run(Created(), Invite(Guid.NewGuid(), "admin@acme.test", Roles.Admin)), new AcceptInvite(Admin, "admin@acme.test", "admin@acme.test", T0));

    // The token hash is the email here: unique per invite and easy to read.
    private static CreateInvite Invite(Guid id, string email, string role, Guid? actor = null, IReadOnlyDictionary<Guid, BoardGrant>? grants = null, bool allRead = false) =>
        new(actor ?? Owner, id, email, email, role, allRead, false, grants ?? NoGrants, OrgBoards, T0);

    [Fact]
    public void Given_pending_invite_When_claimed_by_the_invited_email_in_other_case_Then_member_joins_with_its_role_and_grants()
    {
        var inviteId = Guid.NewGuid();
        var grants = new Dictionary<Guid, BoardGrant> { [BoardA] = new(true, true) };
        var state = Run(Created(), Invite(inviteId, "new@acme.test", Roles.Admin, grants: grants));
        var user = Guid.NewGuid();

        var events = OrganizationDecider.Decide(state, new ClaimInvite(user, " NEW@Acme.test", inviteId, T0));
        state = OrganizationEvolver.Fold(events, state)!;

        Assert.IsType<OrganizationInviteAccepted>(events[0]);
        var member = state.MemberOf(user)!;
        Assert.Equal(Roles.Admin, member.Role);
        Assert.Equal("new@acme.test", member.Email);
        Assert.Equal(new BoardGrant(true, true), member.BoardAccess[BoardA]);
        Assert.Empty(state.PendingInvites);
    }

    [Fact]
    public void Given_pending_invite_When_claimed_by_another_email_Then_forbidden_and_invite_stays()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(Created(), Invite(inviteId, "new@acme.test", Roles.Member));

        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new ClaimInvite(Guid.NewGuid(), "other@acme.test", inviteId, T0)));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
        Assert.True(state.PendingInvites.ContainsKey(inviteId));
    }

    [Fact]
    public void Given_pending_invite_When_claimed_without_an_email_Then_forbidden()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(Created(), Invite(inviteId, "new@acme.test", Roles.Member));

        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new ClaimInvite(Guid.NewGuid(), null, inviteId, T0)));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void Given_revoked_or_unknown_invite_When_claimed_Then_not_found()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(Run(Created(), Invite(inviteId, "new@acme.test", Roles.Member)), new RevokeInvite(Owner, inviteId, T0));

        var revoked = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new ClaimInvite(Guid.NewGuid(), "new@acme.test", inviteId, T0)));
        var unknown = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new ClaimInvite(Guid.NewGuid(), "new@acme.test", Guid.NewGuid(), T0)));

        Assert.Equal(DomainErrorKind.NotFound, revoked.Kind);
        Assert.Equal(DomainErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public void Given_deleted_organization_When_an_invite_is_claimed_Then_not_found()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(Run(Created(), Invite(inviteId, "new@acme.test", Roles.Member)), new DeleteOrganization(Owner, T0));

        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(state, new ClaimInvite(Guid.NewGuid(), "new@acme.test", inviteId, T0)));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Given_admin_member_When_claiming_a_lower_role_invite_Then_role_kept_and_access_merged()
    {
        var inviteId = Guid.NewGuid();
        var state = Run(WithAdmin(), Invite(inviteId, "admin2@acme.test", Roles.Member, allRead: true));
        // The admin's account carries a second address the invite was sent to.
        var events = OrganizationDecider.Decide(state, new ClaimInvite(Admin, "admin2@acme.test", inviteId, T0));
        state = OrganizationEvolver.Fold(events, state)!;

        Assert.DoesNotContain(events, e => e is OrganizationMemberRoleChanged);
        Assert.Equal(Roles.Admin, state.MemberOf(Admin)!.Role);
        Assert.True(state.MemberOf(Admin)!.AllBoardsRead);
    }

    [Fact]
    public void Given_one_of_several_members_When_they_leave_Then_only_their_membership_goes()
    {
        var state = WithAdmin();

        var events = OrganizationDecider.Decide(state, new LeaveOrganization(Admin, T0));
        state = OrganizationEvolver.Fold(events, state)!;

        Assert.Equal(new OrganizationMemberRemoved(Admin, T0), Assert.Single(events));
        Assert.Null(state.MemberOf(Admin));
        Assert.False(state.IsDeleted);
    }

    [Fact]
    public void Given_the_last_owner_among_others_When_they_leave_Then_they_leave_without_an_owner_check()
    {
        // A deleted account cannot stay an owner: leaving is not removal, so the owner safeguards do not apply.
        var events = OrganizationDecider.Decide(WithAdmin(), new LeaveOrganization(Owner, T0));

        Assert.Equal(new OrganizationMemberRemoved(Owner, T0), Assert.Single(events));
    }

    [Fact]
    public void Given_the_only_member_When_they_leave_Then_the_organization_is_deleted()
    {
        var events = OrganizationDecider.Decide(Created(), new LeaveOrganization(Owner, T0));
        var state = OrganizationEvolver.Fold(events, Created())!;

        Assert.IsType<OrganizationDeleted>(Assert.Single(events));
        Assert.True(state.IsDeleted);
    }

    [Fact]
    public void Given_a_non_member_or_a_missing_or_deleted_organization_When_leaving_Then_nothing_happens()
    {
        var deleted = Run(Created(), new DeleteOrganization(Owner, T0));

        Assert.Empty(OrganizationDecider.Decide(Created(), new LeaveOrganization(Guid.NewGuid(), T0)));
        Assert.Empty(OrganizationDecider.Decide(null, new LeaveOrganization(Owner, T0)));
        Assert.Empty(OrganizationDecider.Decide(deleted, new LeaveOrganization(Owner, T0)));
    }

    [Fact]
    public void Given_admin_When_inviting_an_owner_Then_forbidden_but_an_owner_may()
    {
        var error = Assert.Throws<DomainException>(() =>
            OrganizationDecider.Decide(WithAdmin(), Invite(Guid.NewGuid(), "boss@acme.test", " Owner ", actor: Admin)));

        Assert.Equal("Only owners can invite owners", error.Detail);
        Assert.Equal(403, error.HttpStatus);
        var created = Assert.IsType<OrganizationInviteCreated>(
            Assert.Single(OrganizationDecider.Decide(WithAdmin(), Invite(Guid.NewGuid(), "boss@acme.test", Roles.Owner))));
        Assert.Equal(Roles.Owner, created.Role);
    }

    [Fact]
    public void Given_admin_When_inviting_an_admin_Then_allowed()
    {
        var created = Assert.IsType<OrganizationInviteCreated>(
            Assert.Single(OrganizationDecider.Decide(WithAdmin(), Invite(Guid.NewGuid(), "peer@acme.test", Roles.Admin, actor: Admin))));

        Assert.Equal(Roles.Admin, created.Role);
    }
}
