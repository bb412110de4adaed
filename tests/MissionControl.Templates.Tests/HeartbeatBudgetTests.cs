using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class HeartbeatBudgetTests
{
    private static readonly WorkspacePlanner Planner = new();

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_large_inputs_When_HEARTBEAT_planned_Then_it_stays_under_budget_uncut(AgentRole role)
    {
        var context = Contexts.WithLargeInputs(Contexts.For(role));

        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByFullGateway));

        Assert.InRange(plan.Files[WorkspaceFiles.Heartbeat].Length, 1, WorkspaceBudget.MaxFileChars - 1);
        Assert.DoesNotContain(WorkspaceBudget.CutNotice, plan.Files[WorkspaceFiles.Heartbeat], StringComparison.Ordinal);
        Assert.Empty(plan.Warnings);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_large_inputs_on_todays_gateway_When_planned_Then_folded_AGENTS_stays_under_budget(AgentRole role)
    {
        var context = Contexts.WithLargeInputs(Contexts.For(role));

        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        Assert.InRange(plan.Files[WorkspaceFiles.Agents].Length, 1, WorkspaceBudget.MaxFileChars - 1);
        Assert.InRange(plan.HeartbeatPrompt!.Length, 1, WorkspaceBudget.MaxFileChars - 1);
        Assert.Empty(plan.Warnings);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    public void Given_absurdly_long_agent_name_When_HEARTBEAT_planned_Then_it_is_cut_to_budget_with_warning(AgentRole role)
    {
        var context = Contexts.For(role) with { AgentName = new string('n', 50_000) };

        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByFullGateway));

        Assert.True(plan.Files[WorkspaceFiles.Heartbeat].Length <= WorkspaceBudget.MaxFileChars);
        Assert.EndsWith(WorkspaceBudget.CutNotice, plan.Files[WorkspaceFiles.Heartbeat], StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, warning => warning.StartsWith("HEARTBEAT.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_absurdly_long_board_name_on_todays_gateway_When_planned_Then_credentials_survive_the_cut()
    {
        var context = Contexts.Lead() with { Board = Contexts.Lead().Board! with { Name = new string('b', 40_000) } };

        var plan = Planner.Plan(context, Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));
        var agents = plan.Files[WorkspaceFiles.Agents];

        Assert.True(agents.Length <= WorkspaceBudget.MaxFileChars);
        Assert.Equal(Contexts.Token, Credentials.CredentialsBlock.ReadAuthToken(agents));
        Assert.Contains("## Heartbeat routine", agents, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_text_over_budget_When_fitted_Then_cut_at_a_line_break_and_marked()
    {
        var text = string.Join('\n', Enumerable.Repeat(new string('a', 99), 300));

        var (fitted, wasCut) = WorkspaceBudget.Fit(text);

        Assert.True(wasCut);
        Assert.True(fitted.Length <= WorkspaceBudget.MaxFileChars);
        Assert.EndsWith("\n" + WorkspaceBudget.CutNotice, fitted, StringComparison.Ordinal);
        Assert.EndsWith(new string('a', 99), fitted[..^(WorkspaceBudget.CutNotice.Length + 1)], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_text_within_budget_When_fitted_Then_unchanged()
    {
        var text = new string('a', WorkspaceBudget.MaxFileChars);

        Assert.Equal((text, false), WorkspaceBudget.Fit(text));
    }
}
