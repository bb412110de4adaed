using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.Grains.Organizations;

namespace MissionControl.Grains.Access;

/// <summary>
/// Board access of organization members (reference §2.4): membership of the board's
/// organization first, then all-boards flags or a per-board grant. Write implies read.
/// </summary>
public static class BoardAccess
{
    /// <summary>True when the member is an owner or admin.</summary>
    public static bool IsAdmin(OrganizationMember? member) => member is not null && Roles.IsAdmin(member.Role);

    /// <summary>True when the member may see the board.</summary>
    public static bool CanRead(OrganizationMember? member, BoardState board) =>
        CanRead(member, board.OrganizationId, board.Id);

    /// <summary>True when the member may change the board.</summary>
    public static bool CanWrite(OrganizationMember? member, BoardState board) =>
        CanWrite(member, board.OrganizationId, board.Id);

    /// <summary>Read check by ids, for callers holding only a read model row.</summary>
    public static bool CanRead(OrganizationMember? member, Guid boardOrganizationId, Guid boardId)
    {
        if (member is null || member.OrganizationId != boardOrganizationId)
        {
            return false;
        }

        var grant = member.BoardAccess.GetValueOrDefault(boardId);
        return member.AllBoardsRead || member.AllBoardsWrite || grant is { CanRead: true } or { CanWrite: true };
    }

    /// <summary>Write check by ids.</summary>
    public static bool CanWrite(OrganizationMember? member, Guid boardOrganizationId, Guid boardId)
    {
        if (member is null || member.OrganizationId != boardOrganizationId)
        {
            return false;
        }

        return member.AllBoardsWrite || member.BoardAccess.GetValueOrDefault(boardId) is { CanWrite: true };
    }

    /// <summary>Throws the upstream 403s unless the member has the requested access.</summary>
    public static void Ensure(OrganizationMember? member, BoardState board, bool write)
    {
        if (member is null || member.OrganizationId != board.OrganizationId)
        {
            throw DomainError.Forbidden("No org access");
        }

        var allowed = write ? CanWrite(member, board) : CanRead(member, board);
        if (!allowed)
        {
            throw DomainError.Forbidden("Board access denied");
        }
    }

    /// <summary>Throws 403 unless the member is an owner or admin.</summary>
    public static void EnsureAdmin(OrganizationMember? member)
    {
        if (!IsAdmin(member))
        {
            throw DomainError.Forbidden();
        }
    }
}
