using MissionControl.Api.Tests.Support;
using System.Text.Json;
using MissionControl.Cli;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Cli;

/// <summary>
/// What <c>mc</c> says and exits with when something is wrong: a wrong URL, no or a bad token, an
/// unknown id, bad arguments, input the service refuses; and where it finds its URL and token.
/// </summary>
public sealed class CliErrorTests(LiveService service) : IClassFixture<LiveService>
{
    [Fact]
    public async Task Given_a_url_where_nothing_listens_When_a_command_runs_Then_it_exits_3_naming_the_address()
    {
        var nowhere = $"http://127.0.0.1:{FreePorts.Next()}";

        var run = await service.RunWithAsync(new Dictionary<string, string> { ["MC_TOKEN"] = "whatever" }, ["status", "--url", nowhere]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith($"mc: cannot reach Mission Control at {nowhere}", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Given_a_url_that_is_not_an_http_url_When_a_command_runs_Then_it_exits_2()
    {
        var run = await service.RunWithAsync(new Dictionary<string, string> { ["MC_TOKEN"] = "whatever", ["MC_URL"] = "localhost:8000" }, ["status"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'localhost:8000' is not an http or https URL", run.Error);
    }

    [Fact]
    public async Task Given_a_wrong_token_or_none_When_a_command_runs_Then_it_exits_4_saying_so()
    {
        var wrong = await service.RunAsync("agents", "list", "--token", "not-the-token");
        var none = await service.RunWithAsync(new Dictionary<string, string> { ["MC_URL"] = service.Service.Url.ToString() }, ["agents", "list"]);

        Assert.Equal(ExitCodes.Unauthorized, wrong.ExitCode);
        Assert.StartsWith("mc: the service refused the token (401 Unauthorized)", wrong.Error);
        Assert.Equal(ExitCodes.Unauthorized, none.ExitCode);
        Assert.StartsWith("mc: no token", none.Error);
    }

    [Fact]
    public async Task Given_an_unknown_id_When_shown_synced_or_listed_Then_it_exits_5_with_the_services_words()
    {
        var unknown = Guid.NewGuid().ToString();

        var agent = await service.RunAsync("agents", "show", unknown);
        var gateway = await service.RunAsync("gateways", "sync", unknown);
        var inbox = await service.RunAsync("inbox", unknown);

        Assert.Equal(ExitCodes.NotFound, agent.ExitCode);
        Assert.Equal($"mc: not found: /api/v1/agents/{unknown}", agent.Error.Trim());
        Assert.Equal(ExitCodes.NotFound, gateway.ExitCode);
        Assert.Equal("mc: Gateway not found", gateway.Error.Trim());
        Assert.Equal(ExitCodes.NotFound, inbox.ExitCode);
    }

    [Fact]
    public async Task Given_bad_arguments_When_parsed_Then_it_exits_2_before_calling_the_service()
    {
        var notAnId = await service.RunAsync("agents", "show", "not-an-id");
        var noCommand = await service.RunAsync("agents", "frobnicate");
        var badLast = await service.RunAsync("agents", "history", Guid.NewGuid().ToString(), "--last", "0");

        Assert.Equal(ExitCodes.Usage, notAnId.ExitCode);
        Assert.Contains("not-an-id", notAnId.Error);
        Assert.Equal(ExitCodes.Usage, noCommand.ExitCode);
        Assert.Contains("frobnicate", noCommand.Error);
        Assert.Equal(ExitCodes.Usage, badLast.ExitCode);
        Assert.Contains("--last must be between 1 and 200", badLast.Error);
    }

    [Fact]
    public async Task Given_login_without_a_token_or_watch_with_a_count_of_zero_When_run_Then_each_exits_2_saying_why()
    {
        // A saved login is never sent to the URL a new login names.
        var config = Path.Combine(service.Home, "saved-login", "config.json");
        new MissionControl.Cli.Settings.ConfigFile("http://127.0.0.1:1/", "the-old-servers-token").Write(config);
        var login = await service.RunWithAsync(
            new Dictionary<string, string> { ["MC_URL"] = service.Service.Url.ToString(), ["MC_CONFIG"] = config }, ["login"]);
        var watch = await service.RunAsync("watch", "--count", "0");

        Assert.Equal(ExitCodes.Usage, login.ExitCode);
        Assert.Contains("mc login needs the token to save", login.Error);
        Assert.Equal(ExitCodes.Usage, watch.ExitCode);
        Assert.Contains("--count must be 1 or more", watch.Error);
    }

    [Fact]
    public void Text_an_agent_wrote_is_shown_without_its_control_characters()
    {
        Assert.Equal("plain?[31mred?[0m line", MissionControl.Cli.Output.Cells.Printable("plain\u001b[31mred\u001b[0m line"));
        Assert.Equal("untouched", MissionControl.Cli.Output.Cells.Printable("untouched"));
    }

    [Fact]
    public async Task Given_input_the_service_refuses_When_a_board_is_created_Then_it_exits_1_with_the_services_detail()
    {
        var run = await service.RunAsync("boards", "create", "Nowhere", "--gateway", Guid.NewGuid().ToString());

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("mc: the service refused the request (422 Unprocessable Entity): gateway_id is invalid", run.Error.Trim());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Given_login_with_a_url_and_token_When_later_commands_run_without_them_Then_they_use_the_saved_config()
    {
        var config = Path.Combine(service.Home, "login-test", "config.json");
        var bare = new Dictionary<string, string> { ["MC_CONFIG"] = config };

        var login = await service.RunWithAsync(bare, ["login", "--url", service.Service.Url.ToString(), "--token", MissionControlFactory.LocalToken]);
        var status = await service.RunWithAsync(bare, ["agents", "list", "--json"]);
        var badLogin = await service.RunWithAsync(bare, ["login", "--token", "wrong"]);

        Assert.True(login.ExitCode == ExitCodes.Ok, login.ToString());
        Assert.Contains($"saved to {config}", login.Out);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.Equal(MissionControlFactory.LocalToken, JsonDocument.Parse(File.ReadAllText(config)).RootElement.GetProperty("token").GetString());
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(status.Out).RootElement.ValueKind);
        Assert.Equal(ExitCodes.Unauthorized, badLogin.ExitCode);
        Assert.Equal(MissionControlFactory.LocalToken, JsonDocument.Parse(File.ReadAllText(config)).RootElement.GetProperty("token").GetString());
    }
}
