using System.Reflection;

namespace MissionControl.Templates.Rendering;

/// <summary>The workspace templates embedded in this assembly, by name (e.g. <c>AGENTS.md</c>, <c>partials/inbox.md</c>).</summary>
public static class TemplateLibrary
{
    private const string PartialsFolder = "partials/";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Sources = new(Load);

    /// <summary>Every template and partial source, keyed by its path under <c>workspace/</c>.</summary>
    public static IReadOnlyDictionary<string, string> All => Sources.Value;

    /// <summary>Names of the full templates (partials excluded).</summary>
    public static IEnumerable<string> TemplateNames =>
        All.Keys.Where(name => !name.StartsWith(PartialsFolder, StringComparison.Ordinal));

    /// <summary>Partials by the name templates use to include them (<c>{{> inbox}}</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Partials =>
        All.Where(entry => entry.Key.StartsWith(PartialsFolder, StringComparison.Ordinal))
            .Select(entry => KeyValuePair.Create(PartialName(entry.Key), entry.Value));

    private static string PartialName(string path) =>
        Path.GetFileNameWithoutExtension(path[PartialsFolder.Length..]);

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(TemplateLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".md", StringComparison.Ordinal))
            .ToDictionary(name => name.Replace('\\', '/'), name => Read(assembly, name), StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded template {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
