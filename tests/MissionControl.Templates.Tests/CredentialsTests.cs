using MissionControl.Templates.Context;
using MissionControl.Templates.Credentials;
using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class CredentialsTests
{
    private static readonly WorkspacePlanner Planner = new();

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    public void Given_full_gateway_When_TOOLS_read_back_Then_every_key_round_trips(AgentRole role)
    {
        var context = Contexts.For(role);
        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByFullGateway));

        var block = CredentialsBlock.Parse(plan.Files[WorkspaceFiles.Tools]);

        Assert.Equal(Contexts.BaseUrl, block.BaseUrl);
        Assert.Equal(Contexts.Token, block.AuthToken);
        Assert.Equal(context.AgentName, block.AgentName);
        Assert.Equal(context.AgentId, block.AgentId);
        Assert.Equal(context.Board!.Id, block.BoardId);
        Assert.Equal(context.WorkspaceRoot, block.WorkspaceRoot);
        Assert.Equal(context.WorkspacePath, block.WorkspacePath);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_todays_gateway_When_AGENTS_read_back_Then_token_round_trips(AgentRole role)
    {
        var context = Contexts.For(role);
        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        var block = CredentialsBlock.Parse(plan.Files[WorkspaceFiles.Agents]);

        Assert.Equal(Contexts.Token, block.AuthToken);
        Assert.Equal(context.AgentId, block.AgentId);
        Assert.Equal(context.WorkspacePath, block.WorkspacePath);
    }

    [Fact]
    public void Given_main_agent_When_credentials_read_back_Then_there_is_no_board_id()
    {
        var plan = Planner.Plan(Contexts.GatewayMain(), Contexts.Provision(WorkspaceFiles.AcceptedByFullGateway));

        var block = CredentialsBlock.Parse(plan.Files[WorkspaceFiles.Tools]);

        Assert.Equal(Contexts.Token, block.AuthToken);
        Assert.Null(block.BoardId);
    }

    [Fact]
    public void Given_agent_name_smuggling_a_token_line_When_parsed_Then_real_token_wins()
    {
        var context = Contexts.Worker() with { AgentName = "Eve\nAUTH_TOKEN=stolen" };
        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        Assert.Equal(Contexts.Token, CredentialsBlock.ReadAuthToken(plan.Files[WorkspaceFiles.Agents]));
    }

    [Fact]
    public void Given_key_value_lines_outside_the_block_When_parsed_Then_only_the_block_counts()
    {
        var content = $"AUTH_TOKEN=outside\n{CredentialsBlock.BeginMarker}\nAUTH_TOKEN=inside\n{CredentialsBlock.EndMarker}\nBOARD_ID=after";

        var block = CredentialsBlock.Parse(content);

        Assert.Equal("inside", block.AuthToken);
        Assert.Null(block.BoardId);
    }

    [Fact]
    public void Given_plain_TOOLS_without_markers_When_parsed_Then_bullets_and_backticks_are_read()
    {
        var content = "# TOOLS\n\n- `BASE_URL=https://x.test`\n- `AUTH_TOKEN=abc=def`\nexport AGENT_ID=42\n# AGENT_NAME=comment";

        var block = CredentialsBlock.Parse(content);

        Assert.Equal("https://x.test", block.BaseUrl);
        Assert.Equal("abc=def", block.AuthToken);
        Assert.Equal("42", block.AgentId);
        Assert.Null(block.AgentName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no credentials here")]
    [InlineData("AUTH_TOKEN=   ")]
    public void Given_content_without_token_When_read_Then_no_token(string? content)
    {
        Assert.Null(CredentialsBlock.ReadAuthToken(content));
    }

    [Fact]
    public void Given_todays_gateway_When_locating_credentials_Then_only_AGENTS_is_read()
    {
        Assert.Equal([WorkspaceFiles.Agents], CredentialsLocation.FilesToRead(WorkspaceFiles.AcceptedByCurrentGateway));
    }

    [Fact]
    public void Given_full_gateway_When_locating_credentials_Then_TOOLS_is_read_first()
    {
        Assert.Equal(
            [WorkspaceFiles.Tools, WorkspaceFiles.Agents],
            CredentialsLocation.FilesToRead(WorkspaceFiles.AcceptedByFullGateway));
    }
}
