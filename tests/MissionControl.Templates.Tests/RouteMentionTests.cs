using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class RouteMentionTests
{
    private static readonly WorkspacePlanner Planner = new();

    private static readonly string[] EveryAgentRoutes =
    [
        "/api/v1/agent/heartbeat", "/openapi.json", "/api/gateway/poll", "/api/gateway/report", "X-Agent-Token", "X-Api-Key",
    ];

    private static readonly string[] BoardRoutes =
    [
        "/api/v1/agent/boards/$BOARD_ID/tasks", "/api/v1/agent/boards/$BOARD_ID/tasks/<task_id>",
        "/tasks/<task_id>/comments", "/api/v1/agent/boards/$BOARD_ID/memory?is_chat=true",
        "/api/v1/agent/boards/$BOARD_ID/memory", "/api/gateway/send-message", "\"tags\":[\"chat\"]",
    ];

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_role_When_AGENTS_rendered_Then_it_names_the_core_routes(AgentRole role)
    {
        var agents = Planner.Plan(Contexts.For(role), Contexts.Provision()).Files[WorkspaceFiles.Agents];

        Assert.All(EveryAgentRoutes, route => Assert.Contains(route, agents, StringComparison.Ordinal));
        Assert.Contains("/api/gateway/send-message", agents, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    public void Given_board_agent_When_AGENTS_rendered_Then_it_names_task_comment_and_chat_routes(AgentRole role)
    {
        var agents = Planner.Plan(Contexts.For(role), Contexts.Provision()).Files[WorkspaceFiles.Agents];

        Assert.All(BoardRoutes, route => Assert.Contains(route, agents, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_lead_When_AGENTS_rendered_Then_it_names_the_lead_routes()
    {
        var agents = Planner.Plan(Contexts.Lead(), Contexts.Provision()).Files[WorkspaceFiles.Agents];

        Assert.Contains("POST $BASE_URL/api/v1/agent/boards/$BOARD_ID/tasks", agents, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/boards/$BOARD_ID/agents/<agent_id>/nudge", agents, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/boards/$BOARD_ID/approvals", agents, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/boards/$BOARD_ID/gateway/main/ask-user", agents, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_worker_When_AGENTS_rendered_Then_lead_only_routes_are_absent()
    {
        var agents = Planner.Plan(Contexts.Worker(), Contexts.Provision()).Files[WorkspaceFiles.Agents];

        Assert.DoesNotContain("/nudge", agents, StringComparison.Ordinal);
        Assert.DoesNotContain("/gateway/main/ask-user", agents, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_main_agent_When_AGENTS_rendered_Then_it_names_the_gateway_routes()
    {
        var agents = Planner.Plan(Contexts.GatewayMain(), Contexts.Provision()).Files[WorkspaceFiles.Agents];

        Assert.Contains("/api/v1/agent/gateway/boards/<board_id>/lead/message", agents, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/gateway/leads/broadcast", agents, StringComparison.Ordinal);
        Assert.Contains("/api/v1/agent/boards/<board_id>/onboarding", agents, StringComparison.Ordinal);
        Assert.DoesNotContain("$BOARD_ID", agents, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentRole.Lead)]
    [InlineData(AgentRole.Worker)]
    [InlineData(AgentRole.GatewayMain)]
    public void Given_role_When_HEARTBEAT_rendered_Then_it_checks_in_polls_and_reports(AgentRole role)
    {
        var heartbeat = Planner.Plan(Contexts.For(role), Contexts.Provision()).Files[WorkspaceFiles.Heartbeat];

        Assert.All(EveryAgentRoutes, route => Assert.Contains(route, heartbeat, StringComparison.Ordinal));
        Assert.Contains("HEARTBEAT_OK", heartbeat, StringComparison.Ordinal);
        Assert.DoesNotContain(Contexts.Token, heartbeat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgentRole.Lead, "tasks?status=review")]
    [InlineData(AgentRole.Worker, "tasks?status=in_progress&assigned_agent_id=$AGENT_ID")]
    [InlineData(AgentRole.GatewayMain, "/api/v1/agent/boards")]
    public void Given_role_When_HEARTBEAT_rendered_Then_it_follows_the_role_work_loop(AgentRole role, string route)
    {
        var heartbeat = Planner.Plan(Contexts.For(role), Contexts.Provision()).Files[WorkspaceFiles.Heartbeat];

        Assert.Contains(route, heartbeat, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_board_rules_When_worker_HEARTBEAT_rendered_Then_rules_change_the_routine()
    {
        var strict = Contexts.Worker() with
        {
            Board = Contexts.Worker().Board! with { Rules = new BoardRules { OnlyLeadCanChangeStatus = true } },
        };

        var relaxed = Planner.Plan(Contexts.Worker(), Contexts.Provision()).Files[WorkspaceFiles.Heartbeat];
        var ruled = Planner.Plan(strict, Contexts.Provision()).Files[WorkspaceFiles.Heartbeat];

        Assert.DoesNotContain("only the lead changes status", relaxed, StringComparison.Ordinal);
        Assert.Contains("only the lead changes status", ruled, StringComparison.Ordinal);
    }
}
