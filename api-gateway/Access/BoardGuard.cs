using MissionControl.ApiGateway.Authentication;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using Grants = MissionControl.Grains.Access.BoardAccess;

namespace MissionControl.ApiGateway.Access;

/// <summary>
/// Finds a board for a caller, or says why not. Organizations are isolated: a board of another
/// organization is answered exactly like one that does not exist (404), so its existence does
/// not leak. Inside the organization, members need a read or write grant (403 "Board access
/// denied"); board agents may use only their own board (403); gateway-main agents any board of
/// their gateway's organization.
/// </summary>
public sealed class BoardGuard(BoardQueries boards, AgentQueries agents)
{
    public const string BoardNotFound = "Board not found";
    public const string AccessDenied = "Board access denied";

    public async Task<BoardRow> ForUserAsync(UserSession session, Guid boardId, bool write, CancellationToken ct = default)
    {
        var member = session.RequireMember();
        var board = await boards.GetAsync(boardId, ct);
        if (board is null || board.OrganizationId != member.OrganizationId)
            throw DomainError.NotFound(BoardNotFound);
        var allowed = write
            ? Grants.CanWrite(member, board.OrganizationId, board.Id)
            : Grants.CanRead(member, board.OrganizationId, board.Id);
        return allowed ? board : throw DomainError.Forbidden(AccessDenied);
    }

    /// <summary>An agent reads and writes the same boards, so there is one check.</summary>
    public async Task<BoardRow> ForAgentAsync(AgentCaller agent, Guid boardId, CancellationToken ct = default)
    {
        if (agent.BoardId is { } own && own != boardId)
            throw DomainError.Forbidden();
        var board = await boards.GetAsync(boardId, ct) ?? throw DomainError.NotFound(BoardNotFound);
        if (agent.BoardId is null && await OrganizationOfAsync(agent, ct) != board.OrganizationId)
            throw DomainError.NotFound(BoardNotFound);
        return board;
    }

    public Task<BoardRow> ForCallerAsync(Caller caller, Guid boardId, bool write, CancellationToken ct = default) => caller switch
    {
        Caller.User user => ForUserAsync(user.Session, boardId, write, ct),
        Caller.Agent agent => ForAgentAsync(agent.Self, boardId, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The organization of an agent, through its row (null when the agent is gone).</summary>
    public async Task<Guid?> OrganizationOfAsync(AgentCaller agent, CancellationToken ct = default) =>
        (await agents.GetAsync(agent.AgentId, ct))?.OrganizationId;
}
