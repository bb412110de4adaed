using MissionControl.Grains.Access;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;

namespace MissionControl.Grains.Tests.Access;

public class BoardAccessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    internal static readonly Guid OrgId = Guid.NewGuid();

    internal static BoardState Board(Guid? orgId = null) => new(
        Guid.NewGuid(), orgId ?? OrgId, "B", "d", BoardType.General, null, Guid.NewGuid(), null, false, new BoardRules(), false, T0, T0);

    internal static OrganizationMember Member(string role = Roles.Member, bool allRead = false, bool allWrite = false, params (Guid Board, BoardGrant Grant)[] grants) =>
        new(OrgId, Guid.NewGuid(), null, role, allRead, allWrite, grants.ToDictionary(g => g.Board, g => g.Grant));

    [Fact]
    public void Given_member_with_read_grant_When_checking_Then_can_read_but_not_write()
    {
        var board = Board();
        var member = Member(grants: (board.Id, new BoardGrant(true, false)));

        Assert.True(BoardAccess.CanRead(member, board));
        Assert.False(BoardAccess.CanWrite(member, board));
    }

    [Fact]
    public void Given_member_with_write_grant_When_checking_Then_write_implies_read()
    {
        var board = Board();
        var member = Member(grants: (board.Id, new BoardGrant(false, true)));

        Assert.True(BoardAccess.CanRead(member, board));
        Assert.True(BoardAccess.CanWrite(member, board));
    }

    [Fact]
    public void Given_all_boards_write_member_When_checking_any_board_Then_read_and_write()
    {
        var member = Member(allWrite: true);

        Assert.True(BoardAccess.CanRead(member, Board()));
        Assert.True(BoardAccess.CanWrite(member, Board()));
    }

    [Fact]
    public void Given_all_boards_read_member_When_checking_Then_read_only()
    {
        var member = Member(allRead: true);

        Assert.True(BoardAccess.CanRead(member, Board()));
        Assert.False(BoardAccess.CanWrite(member, Board()));
    }

    [Fact]
    public void Given_member_without_grant_When_ensuring_access_Then_board_access_denied()
    {
        var error = Assert.Throws<DomainException>(() => BoardAccess.Ensure(Member(), Board(), write: false));

        Assert.Equal("Board access denied", error.Detail);
        Assert.Equal(403, error.HttpStatus);
    }

    [Fact]
    public void Given_member_of_other_organization_When_ensuring_access_Then_no_org_access()
    {
        var error = Assert.Throws<DomainException>(() => BoardAccess.Ensure(Member(allWrite: true), Board(Guid.NewGuid()), write: false));

        Assert.Equal("No org access", error.Detail);
    }

    [Theory]
    [InlineData(Roles.Owner, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Member, false)]
    public void Given_role_When_checking_admin_Then_owner_and_admin_qualify(string role, bool expected)
    {
        Assert.Equal(expected, BoardAccess.IsAdmin(Member(role)));
    }
}
