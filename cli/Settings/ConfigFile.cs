using System.Text.Json;
using System.Text.Json.Serialization;

namespace MissionControl.Cli.Settings;

/// <summary>The saved connection, <c>{"url": ..., "token": ...}</c>, written by <c>mc login</c>.</summary>
public sealed record ConfigFile(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("token")] string? Token)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The file's contents; an absent file is an empty one.</summary>
    public static ConfigFile Read(string path)
    {
        if (!File.Exists(path))
            return new ConfigFile(null, null);
        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(path)) ?? new ConfigFile(null, null);
        }
        catch (JsonException ex)
        {
            throw new McFailure(ExitCodes.Usage, $"the config file {path} is not valid JSON ({ex.Message}); fix it or run 'mc login' again");
        }
    }

    /// <summary>Writes the file, readable by its owner only where the system has file modes: it holds a token.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Written beside it and moved over it, so a failed write never costs the saved login.
        var fresh = $"{path}.{Environment.ProcessId}.new";
        File.WriteAllText(fresh, "");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(fresh, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(fresh, JsonSerializer.Serialize(this, Indented));
        File.Move(fresh, path, overwrite: true);
    }
}
