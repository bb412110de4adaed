using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using Spectre.Console;

namespace MissionControl.Cli.Commands;

/// <summary>How an agent reads on screen, in a list and on its own.</summary>
public static class AgentViews
{
    public static Table Table(IEnumerable<AgentItem> agents, IReadOnlyDictionary<Guid, string> boardNames)
    {
        var table = Screen.Table("ID", "NAME", "STATUS", "ROLE", "BOARD", "LAST SEEN");
        foreach (var agent in agents)
        {
            table.AddRow(Cells.Plain(agent.Id.ToString()), Cells.Plain(agent.Name), Cells.Status(agent.Status), Cells.Plain(agent.Role),
                Cells.Plain(BoardName(agent.BoardId, boardNames)), Cells.Plain(Cells.Time(agent.LastSeenAt)));
        }
        return table;
    }

    public static Grid Details(AgentItem agent) => Screen.Details(
    [
        ("id", agent.Id.ToString()),
        ("name", agent.Name),
        ("status", agent.Status),
        ("role", agent.Role),
        ("board", agent.BoardId?.ToString() ?? "-"),
        ("gateway", agent.GatewayId.ToString()),
        ("session", agent.OpenclawSessionId),
        ("last seen", Cells.Time(agent.LastSeenAt)),
        ("created", Cells.Time(agent.CreatedAt)),
        ("updated", Cells.Time(agent.UpdatedAt)),
    ]);

    private static string BoardName(Guid? boardId, IReadOnlyDictionary<Guid, string> boardNames) =>
        boardId is not { } id ? "-" : boardNames.TryGetValue(id, out var name) ? name : id.ToString();
}
