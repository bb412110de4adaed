using System.CommandLine;
using System.Text.Json;
using MissionControl.Cli.Http;
using MissionControl.Cli.Output;
using MissionControl.Cli.Settings;

namespace MissionControl.Cli;

/// <summary>The options every command takes, and how a command's body is run with them.</summary>
public sealed class GlobalOptions(McEnvironment environment)
{
    private const int InterruptedExitCode = 130;

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The service's URL (else MC_URL, else the config file, else {McSettings.DefaultUrl})",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "The token to send (else MC_TOKEN, else the config file)",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The config file (else MC_CONFIG, else ~/.config/mc/config.json)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the service's JSON instead of tables",
        Recursive = true,
    };

    public McEnvironment Environment => environment;

    public void AddTo(RootCommand root)
    {
        root.Add(Url);
        root.Add(Token);
        root.Add(Config);
        root.Add(Json);
    }

    /// <summary>
    /// The command's action: resolves the settings, runs <paramref name="body"/>, and turns a
    /// failure into its message on standard error and its exit code.
    /// </summary>
    public Func<ParseResult, CancellationToken, Task<int>> Run(Func<Call, CancellationToken, Task<int>> body, bool needsToken = true) =>
        async (parse, ct) =>
        {
            try
            {
                var settings = McSettings.Resolve(parse.GetValue(Url), parse.GetValue(Token), parse.GetValue(Config), environment);
                if (needsToken && settings.Token is null)
                    throw new McFailure(ExitCodes.Unauthorized, "no token: pass --token, set MC_TOKEN or run 'mc login --token <token>'");
                using var api = new McApi(settings);
                return await body(new Call(parse, api, new Screen(environment, parse.GetValue(Json)), settings), ct);
            }
            catch (McFailure failure)
            {
                await environment.Error.WriteLineAsync($"mc: {failure.Message}");
                return failure.ExitCode;
            }
            catch (Exception ex) when (Described(ex) is { } failure)
            {
                await environment.Error.WriteLineAsync($"mc: {failure.Message}");
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: the shell's convention for a run stopped by SIGINT.
                return InterruptedExitCode;
            }
        };

    // Failures past the first answer: a connection that broke while a list or stream was read,
    // an answer that is not the service's JSON, a config file that could not be written.
    private static McFailure? Described(Exception ex) => ex switch
    {
        HttpRequestException or HttpIOException => new McFailure(ExitCodes.Unreachable, $"the connection to the service broke: {ex.Message}"),
        JsonException or KeyNotFoundException or InvalidOperationException when ex is not OperationCanceledException =>
            new McFailure(ExitCodes.Unreachable, $"the service answered something that is not Mission Control's JSON ({ex.Message}); is --url right?"),
        IOException or UnauthorizedAccessException => new McFailure(ExitCodes.Refused, ex.Message),
        _ => null,
    };

    /// <summary>As <see cref="Run(Func{Call, CancellationToken, Task{int}}, bool)"/>, for bodies that succeed or throw.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Run(Func<Call, CancellationToken, Task> body) =>
        Run(async (call, ct) =>
        {
            await body(call, ct);
            return ExitCodes.Ok;
        });
}
