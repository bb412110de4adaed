using System.Diagnostics;

namespace MissionControl.Api.Tests;

/// <summary>Runs the real service binary with broken configuration: it must stop and name the variable.</summary>
public sealed class StartupConfigurationTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["DATABASE_URL"] = "postgresql://postgres@127.0.0.1:1/unused",
        ["AUTH_MODE"] = "local",
        ["LOCAL_AUTH_TOKEN"] = MissionControlFactory.LocalToken,
        ["BASE_URL"] = "http://127.0.0.1:8000",
    };

    [Theory]
    [InlineData("DATABASE_URL", null, "DATABASE_URL is not set")]
    [InlineData("DATABASE_URL", "mysql://x@y/z", "DATABASE_URL must be a postgresql://")]
    [InlineData("AUTH_MODE", "magic", "AUTH_MODE must be 'local' or 'jwt'")]
    [InlineData("LOCAL_AUTH_TOKEN", "short", "LOCAL_AUTH_TOKEN must be at least 50 characters")]
    [InlineData("LOCAL_AUTH_TOKEN", "change-me-change-me-change-me-change-me-change-me-change-me", "LOCAL_AUTH_TOKEN looks like a placeholder")]
    [InlineData("CLUSTER_DASHBOARD_TOKEN", "short", "CLUSTER_DASHBOARD_TOKEN must be at least 50 characters")]
    [InlineData("PROVISIONS_PER_GATEWAY", "0", "PROVISIONS_PER_GATEWAY must be a whole number from 1 to 64")]
    [InlineData("BASE_URL", "not a url", "BASE_URL must be an absolute http(s) URL")]
    public async Task Given_bad_configuration_When_the_service_starts_Then_it_exits_naming_the_variable(
        string variable, string? value, string expected)
    {
        var environment = new Dictionary<string, string>(Valid);
        if (value is null)
            environment.Remove(variable);
        else
            environment[variable] = value;

        var (exitCode, stderr) = await RunServiceAsync(environment);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain(MissionControlFactory.LocalToken, stderr);
    }

    [Fact]
    public async Task Given_several_bad_variables_When_the_service_starts_Then_it_names_every_one_at_once()
    {
        var environment = new Dictionary<string, string>(Valid)
        {
            ["AUTH_MODE"] = "magic",
            ["BASE_URL"] = "not a url",
            ["ORLEANS_SILO_PORT"] = "70000",
            ["INBOX_POLL_LIMIT"] = "0",
            ["OFFLINE_AFTER"] = "soon",
        };
        environment.Remove("DATABASE_URL");

        var (exitCode, stderr) = await RunServiceAsync(environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("DATABASE_URL is not set", stderr);
        Assert.Contains("AUTH_MODE must be 'local' or 'jwt'", stderr);
        Assert.Contains("BASE_URL must be an absolute http(s) URL", stderr);
        Assert.Contains("ORLEANS_SILO_PORT must be a port number", stderr);
        Assert.Contains("INBOX_POLL_LIMIT must be a whole number from 1 to 200", stderr);
        Assert.Contains("OFFLINE_AFTER must be a positive duration", stderr);
    }

    private static async Task<(int ExitCode, string Stderr)> RunServiceAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "MissionControl.ApiGateway.dll"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var key in Valid.Keys)
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
