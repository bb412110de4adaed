using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class GatewayAcceptanceTests
{
    private static readonly WorkspacePlanner Planner = new();

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_todays_gateway_When_provisioned_Then_only_accepted_files_are_written(AgentRole role)
    {
        var plan = Planner.Plan(Contexts.For(role), Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        Assert.All(plan.Files.Keys, name => Assert.Contains(name, WorkspaceFiles.AcceptedByCurrentGateway));
        Assert.Equal(WorkspaceFiles.AcceptedByCurrentGateway.Order(), plan.Files.Keys.Order());
    }

    [Theory]
    [InlineData("TOOLS.md")]
    [InlineData("HEARTBEAT.md")]
    [InlineData("SELF.md")]
    [InlineData("AUTONOMY.md")]
    [InlineData("BOOT.md")]
    [InlineData("TASK_SOUL.md")]
    public void Given_todays_gateway_When_provisioned_Then_refused_files_are_skipped_as_unsupported(string name)
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        Assert.Contains(plan.Skipped, skipped => skipped.Name == name && skipped.Reason == SkipReason.UnsupportedByGateway);
    }

    [Fact]
    public void Given_todays_gateway_When_provisioned_Then_AGENTS_carries_credentials_and_heartbeat_routine()
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));
        var agents = plan.Files[WorkspaceFiles.Agents];

        Assert.Contains("## Credentials", agents, StringComparison.Ordinal);
        Assert.Contains($"AUTH_TOKEN={Contexts.Token}", agents, StringComparison.Ordinal);
        Assert.Contains("## Heartbeat routine", agents, StringComparison.Ordinal);
        Assert.Contains("### 1. Check in", agents, StringComparison.Ordinal);
        Assert.DoesNotContain("# HEARTBEAT.md", agents, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_todays_gateway_When_provisioned_Then_heartbeat_prompt_points_to_AGENTS()
    {
        var plan = Planner.Plan(Contexts.Lead(), Contexts.Provision(WorkspaceFiles.AcceptedByCurrentGateway));

        Assert.NotNull(plan.HeartbeatPrompt);
        Assert.Contains("AGENTS.md (section \"Heartbeat routine\")", plan.HeartbeatPrompt, StringComparison.Ordinal);
        Assert.Contains("HEARTBEAT_OK", plan.HeartbeatPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain(Contexts.Token, plan.HeartbeatPrompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_full_gateway_When_provisioned_Then_TOOLS_and_HEARTBEAT_are_separate_files(AgentRole role)
    {
        var plan = Planner.Plan(Contexts.For(role), Contexts.Provision(WorkspaceFiles.AcceptedByFullGateway));
        var agents = plan.Files[WorkspaceFiles.Agents];

        Assert.Contains($"AUTH_TOKEN={Contexts.Token}", plan.Files[WorkspaceFiles.Tools], StringComparison.Ordinal);
        Assert.StartsWith("# HEARTBEAT.md", plan.Files[WorkspaceFiles.Heartbeat], StringComparison.Ordinal);
        Assert.DoesNotContain(Contexts.Token, agents, StringComparison.Ordinal);
        Assert.DoesNotContain("## Heartbeat routine", agents, StringComparison.Ordinal);
        Assert.Null(plan.HeartbeatPrompt);
    }

    [Fact]
    public void Given_gateway_accepting_TOOLS_but_not_HEARTBEAT_When_provisioned_Then_only_routine_moves()
    {
        var accepted = new HashSet<string>(WorkspaceFiles.AcceptedByCurrentGateway) { WorkspaceFiles.Tools };

        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision(accepted));

        Assert.True(plan.Files.ContainsKey(WorkspaceFiles.Tools));
        Assert.DoesNotContain(Contexts.Token, plan.Files[WorkspaceFiles.Agents], StringComparison.Ordinal);
        Assert.Contains("## Heartbeat routine", plan.Files[WorkspaceFiles.Agents], StringComparison.Ordinal);
        Assert.Contains("credentials from TOOLS.md", plan.HeartbeatPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_gateway_refusing_AGENTS_and_HEARTBEAT_When_provisioned_Then_prompt_carries_full_routine()
    {
        var accepted = new HashSet<string>([WorkspaceFiles.Soul, WorkspaceFiles.Memory]);

        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision(accepted));

        Assert.Contains("/api/v1/agent/boards/$BOARD_ID/tasks", plan.HeartbeatPrompt, StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, warning => warning.Contains("credentials were not written", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_override_rendering_to_nothing_When_planned_Then_file_skipped_as_empty()
    {
        var inputs = Contexts.Provision() with { SoulTemplate = "{{#if is_main_agent}}main only{{/if}}  " };

        var plan = Planner.Plan(Contexts.Worker(), inputs);

        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Soul));
        Assert.Contains(new SkippedFile(WorkspaceFiles.Soul, SkipReason.EmptyRender), plan.Skipped);
    }

    [Fact]
    public void Given_any_plan_When_built_Then_every_file_is_either_written_or_skipped_once()
    {
        var plan = Planner.Plan(Contexts.Lead(), Contexts.Update(WorkspaceFiles.AcceptedByCurrentGateway));

        var accounted = plan.Files.Keys.Concat(plan.Skipped.Select(skipped => skipped.Name)).Order();

        Assert.Equal(WorkspaceFiles.All.Order(), accounted);
    }
}
