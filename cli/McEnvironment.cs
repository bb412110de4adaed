namespace MissionControl.Cli;

/// <summary>
/// What a run of <c>mc</c> reads and writes besides its arguments: environment variables, the
/// home directory (for the config file), and where output goes. Tests pass their own.
/// </summary>
public sealed record McEnvironment(
    IReadOnlyDictionary<string, string> Variables,
    string HomeDirectory,
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal)
{
    public static McEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? ""),
        // Without DoNotVerify a home directory that does not exist yet reads as "".
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify),
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected);

    public string? Variable(string name) =>
        Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
