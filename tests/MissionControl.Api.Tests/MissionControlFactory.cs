using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MissionControl.Testing;

namespace MissionControl.Api.Tests;

/// <summary>The whole service in-process over a fresh database schema.</summary>
public sealed class MissionControlFactory : WebApplicationFactory<Program>
{
    public const string LocalToken = "k3Jq9vT2mXw8pLr4sN6bYc1dHf5gZa7eQu0iOo3tRy9wE2xCvB8nM4lK6jU1hG";

    private readonly Dictionary<string, string?> _settings;

    public MissionControlFactory(TestDatabase database, IDictionary<string, string?>? overrides = null)
    {
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = WithSchema(Environment.GetEnvironmentVariable("DATABASE_URL")!, database.Schema),
            ["AUTH_MODE"] = "local",
            ["LOCAL_AUTH_TOKEN"] = LocalToken,
            ["BASE_URL"] = "http://127.0.0.1:8000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public TestDatabase Database { get; }

    private static string WithSchema(string url, string schema) =>
        url + (url.Contains('?') ? "&" : "?") + "schema=" + schema;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
