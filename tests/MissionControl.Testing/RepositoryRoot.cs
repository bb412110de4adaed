namespace MissionControl.Testing;

/// <summary>The checkout the tests were built from (the folder holding <c>MissionControl.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MissionControl.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("MissionControl.sln not found above the test binaries");
    }
}
