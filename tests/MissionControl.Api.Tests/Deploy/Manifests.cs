using MissionControl.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace MissionControl.Api.Tests.Deploy;

/// <summary>The repository's deploy files, read as data (YAML merge keys resolved).</summary>
internal static class Manifests
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(params string[] parts) => Path.Combine([Root, "deploy", .. parts]);

    public static Dictionary<object, object> Yaml(params string[] parts)
    {
        using var reader = new StreamReader(PathOf(parts));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    /// <summary>The value at a path of keys (strings) and list indexes (ints).</summary>
    public static object? At(object? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (Dictionary<object, object> map, string key) => map.GetValueOrDefault(key),
                (List<object> list, int index) => index < list.Count ? list[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static Dictionary<object, object> Map(object? node, params object[] path) =>
        At(node, path) as Dictionary<object, object> ?? throw new InvalidOperationException($"no map at {string.Join('.', path)}");

    public static List<object> List(object? node, params object[] path) =>
        At(node, path) as List<object> ?? throw new InvalidOperationException($"no list at {string.Join('.', path)}");
}
