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
            ["DATABASE_URL"] = DatabaseUrlFor(database),
            ["AUTH_MODE"] = "local",
            ["LOCAL_AUTH_TOKEN"] = LocalToken,
            ["BASE_URL"] = "http://127.0.0.1:8000",
            // Each factory is a silo of its own cluster (its own schema) on ports of its own.
            ["ORLEANS_SILO_PORT"] = FreePorts.Next().ToString(),
            ["ORLEANS_GATEWAY_PORT"] = FreePorts.Next().ToString(),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public TestDatabase Database { get; }

    /// <summary>The test server's DATABASE_URL, pointed at the fixture's schema.</summary>
    public static string DatabaseUrlFor(TestDatabase database)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL")!;
        return url + (url.Contains('?') ? "&" : "?") + "schema=" + database.Schema;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
