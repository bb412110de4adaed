using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;

namespace MissionControl.Cli.Commands;

/// <summary><c>mc inbox &lt;agent&gt;</c>: the messages waiting for an agent, and what became of the others.</summary>
public static class InboxCommand
{
    private const int ContentWidth = 80;

    public static Command Build(GlobalOptions globals)
    {
        var id = new Argument<Guid>("agent-id") { Description = "The agent's id" };
        var status = new Option<string?>("--status") { Description = "Only messages with this status (pending, delivered, completed, dead_letter)" };
        var command = new Command("inbox", "An agent's inbox messages") { id, status };
        command.SetAction(globals.Run(async (call, ct) =>
        {
            var path = $"/api/v1/agents/{call.Value(id)}/inbox";
            if (call.Value(status) is { } wanted)
                path += $"?status={Uri.EscapeDataString(wanted)}";
            await Listing.ListAsync<InboxItem>(call, path, "message", ["ID", "FROM", "STATUS", "ATTEMPTS", "CREATED", "CONTENT"],
                message => [Cells.Plain(message.Id.ToString()), Cells.Plain(message.SenderAgentName), Cells.Plain(message.Status),
                    Cells.Plain(message.Attempts.ToString()), Cells.Plain(Cells.Time(message.CreatedAt)), Cells.Plain(OneLine(message.Content))],
                ct);
        }));
        return command;
    }

    private static string OneLine(string content)
    {
        var line = content.ReplaceLineEndings(" ");
        return line.Length <= ContentWidth ? line : line[..(ContentWidth - 1)] + "…";
    }
}
