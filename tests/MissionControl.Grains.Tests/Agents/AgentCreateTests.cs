using System.Text.Json;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using static MissionControl.Grains.Tests.Agents.AgentSpec;

namespace MissionControl.Grains.Tests.Agents;

public class AgentCreateTests
{
    [Fact]
    public void Given_no_agent_When_create_worker_Then_created_and_first_provision_started()
    {
        var spec = new AgentSpec();

        var events = spec.When(CreateWorker());

        Assert.Collection(
            events,
            e => Assert.IsType<AgentCreated>(e),
            e => Assert.Equal(new AgentProvisionStarted(1, ProvisionAction.Provision, false, true, T0), e));
        Assert.Equal(AgentStatus.Provisioning, spec.Agent.Status);
        Assert.True(spec.Agent.LastProvision!.IsInProgress);
    }

    [Fact]
    public void Given_no_agent_When_create_worker_Then_session_key_is_keyed_by_agent_id()
    {
        var spec = new AgentSpec();

        spec.When(CreateWorker());

        Assert.Equal($"agent:mc-{AgentId}:main", spec.Agent.SessionKey);
    }

    [Fact]
    public void Given_no_agent_When_create_lead_Then_session_key_is_keyed_by_board_and_lead_identity_applied()
    {
        var spec = new AgentSpec();

        spec.When(CreateWorker() with { IsBoardLead = true, Name = " ", IdentityProfile = new Dictionary<string, string> { ["emoji"] = ":star:" } });

        Assert.Equal($"agent:lead-{BoardId}:main", spec.Agent.SessionKey);
        Assert.Equal(AgentDefaults.LeadAgentName, spec.Agent.Name);
        Assert.Equal("Board Lead", spec.Agent.IdentityProfile!["role"]);
        Assert.Equal(":star:", spec.Agent.IdentityProfile["emoji"]);
    }

    [Fact]
    public void Given_no_agent_When_create_gateway_main_Then_session_key_is_keyed_by_gateway()
    {
        var spec = new AgentSpec();

        spec.When(CreateWorker() with { BoardId = null, IsGatewayMain = true });

        Assert.Equal($"agent:mc-gateway-{GatewayId}:main", spec.Agent.SessionKey);
        Assert.True(spec.Agent.IsGatewayMain);
        Assert.Equal("Gateway Agent", spec.Agent.IdentityProfile!["role"]);
    }

    [Fact]
    public void Given_no_agent_When_create_gateway_main_on_a_board_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() =>
            AgentDecider.Decide(null, CreateWorker() with { IsGatewayMain = true }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_no_agent_When_create_worker_without_board_Then_board_id_required()
    {
        var error = Assert.Throws<DomainException>(() => AgentDecider.Decide(null, CreateWorker() with { BoardId = null }));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Equal("board_id is required", error.Detail);
        Assert.Equal(422, error.HttpStatus);
    }

    [Fact]
    public void Given_no_agent_When_create_worker_with_blank_name_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() => AgentDecider.Decide(null, CreateWorker() with { Name = "  " }));

        Assert.Equal("name is required", error.Detail);
    }

    [Fact]
    public void Given_existing_agent_When_create_again_Then_conflict()
    {
        var spec = NewWorker();

        var error = Assert.Throws<DomainException>(() => spec.When(CreateWorker()));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Given_no_agent_When_create_with_raw_token_instead_of_hash_Then_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            AgentDecider.Decide(null, CreateWorker() with { TokenHash = "plain-token-value" }));
    }

    [Fact]
    public void Given_no_agent_When_create_Then_only_the_token_hash_is_recorded()
    {
        var created = Assert.IsType<AgentCreated>(AgentDecider.Decide(null, CreateWorker())[0]);

        Assert.Equal(TokenHash, created.TokenHash);
        Assert.StartsWith("pbkdf2_sha256$", created.TokenHash);
    }

    [Fact]
    public void Given_no_agent_When_create_without_heartbeat_config_Then_defaults_apply()
    {
        var spec = new AgentSpec();

        spec.When(CreateWorker());

        Assert.Equal("10m", spec.Agent.HeartbeatConfig["every"].GetString());
        Assert.Equal("none", spec.Agent.HeartbeatConfig["target"].GetString());
        Assert.False(spec.Agent.HeartbeatConfig["includeReasoning"].GetBoolean());
    }

    [Fact]
    public void Given_no_agent_When_create_with_own_heartbeat_config_Then_merged_over_defaults()
    {
        var own = new Dictionary<string, JsonElement>
        {
            ["every"] = JsonSerializer.SerializeToElement("5m"),
            ["activeHours"] = JsonSerializer.SerializeToElement(new { start = "08:00" }),
        };
        var spec = new AgentSpec();

        spec.When(CreateWorker() with { HeartbeatConfig = own });

        Assert.Equal("5m", spec.Agent.HeartbeatConfig["every"].GetString());
        Assert.Equal("none", spec.Agent.HeartbeatConfig["target"].GetString());
        Assert.Equal("08:00", spec.Agent.HeartbeatConfig["activeHours"].GetProperty("start").GetString());
    }

    [Fact]
    public void Given_no_agent_When_create_with_blank_templates_and_padded_identity_Then_normalized()
    {
        var spec = new AgentSpec();

        spec.When(CreateWorker() with
        {
            IdentityTemplate = "   ",
            SoulTemplate = " # Soul ",
            IdentityProfile = new Dictionary<string, string> { ["role"] = "  Researcher ", ["purpose"] = " " },
        });

        Assert.Null(spec.Agent.IdentityTemplate);
        Assert.Equal("# Soul", spec.Agent.SoulTemplate);
        Assert.Equal(new Dictionary<string, string> { ["role"] = "Researcher" }, spec.Agent.IdentityProfile);
    }
}
