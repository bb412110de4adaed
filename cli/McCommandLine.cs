using System.CommandLine;
using MissionControl.Cli.Commands;

namespace MissionControl.Cli;

/// <summary>The <c>mc</c> command tree, and one run of it.</summary>
public static class McCommandLine
{
    public static RootCommand Build(McEnvironment environment)
    {
        var globals = new GlobalOptions(environment);
        var root = new RootCommand("Mission Control from a terminal: the fleet's status, gateways, boards, agents and their inboxes.")
        {
            StatusCommand.Build(globals),
            GatewaysCommands.Build(globals),
            BoardsCommands.Build(globals),
            AgentsCommands.Build(globals),
            InboxCommand.Build(globals),
            WatchCommand.Build(globals),
            LoginCommand.Build(globals),
        };
        globals.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, McEnvironment environment, CancellationToken ct)
    {
        var parse = Build(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await environment.Error.WriteLineAsync($"mc: {error.Message}");
            await environment.Error.WriteLineAsync("Run 'mc --help' (or 'mc <command> --help') to see what it takes.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, ct);
    }
}
