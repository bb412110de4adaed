using System.CommandLine;
using MissionControl.Cli.Http;
using MissionControl.Cli.Settings;

namespace MissionControl.Cli.Commands;

/// <summary>
/// <c>mc login</c>: checks the URL and token (from <c>--url</c>/<c>--token</c> or the
/// environment, never the config file) against the service, then saves both to the config file
/// for later commands.
/// </summary>
public static class LoginCommand
{
    public static Command Build(GlobalOptions globals)
    {
        var command = new Command("login", "Check --url and --token against the service and save them to the config file");
        command.SetAction(globals.Run(async (call, ct) =>
        {
            // Never the saved token: logging in to another URL must not send it the old one.
            if (call.Value(globals.Token) is null && globals.Environment.Variable("MC_TOKEN") is null)
                throw new McFailure(ExitCodes.Usage, "mc login needs the token to save: pass --token or set MC_TOKEN");
            var me = McJson.Read<UserItem>(await call.Api.GetAsync("/api/v1/users/me", ct));
            new ConfigFile(call.Settings.Url.ToString(), call.Settings.Token).Write(call.Settings.ConfigPath);
            call.Screen.Line($"Signed in to {call.Settings.Url.GetLeftPart(UriPartial.Authority)} as {me.Name ?? me.Email ?? me.Id.ToString()}; saved to {call.Settings.ConfigPath}.");
        }));
        return command;
    }
}
