using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class BootstrapRuleTests
{
    private static readonly WorkspacePlanner Planner = new();

    [Fact]
    public void Given_first_provision_When_planned_Then_BOOTSTRAP_written()
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision());

        Assert.Contains("BOOTSTRAP.md - first run", plan.Files[WorkspaceFiles.Bootstrap], StringComparison.Ordinal);
    }

    [Fact]
    public void Given_update_and_bootstrap_not_listed_When_planned_Then_BOOTSTRAP_not_written()
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Update(existing: new ExistingFile(WorkspaceFiles.Agents)));

        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Bootstrap));
        Assert.Contains(new SkippedFile(WorkspaceFiles.Bootstrap, SkipReason.BootstrapNotNeeded), plan.Skipped);
    }

    [Fact]
    public void Given_update_and_bootstrap_listed_missing_When_planned_Then_BOOTSTRAP_not_written()
    {
        var inputs = Contexts.Update(existing: new ExistingFile(WorkspaceFiles.Bootstrap, Missing: true));

        var plan = Planner.Plan(Contexts.Worker(), inputs);

        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Bootstrap));
    }

    [Fact]
    public void Given_update_and_agent_still_has_bootstrap_When_planned_Then_BOOTSTRAP_written()
    {
        var plan = Planner.Plan(Contexts.Lead(), Contexts.Update(existing: new ExistingFile(WorkspaceFiles.Bootstrap)));

        Assert.True(plan.Files.ContainsKey(WorkspaceFiles.Bootstrap));
    }

    [Fact]
    public void Given_update_with_forced_bootstrap_When_planned_Then_BOOTSTRAP_written()
    {
        var inputs = Contexts.Update() with { ForceBootstrap = true };

        var plan = Planner.Plan(Contexts.GatewayMain(), inputs);

        Assert.True(plan.Files.ContainsKey(WorkspaceFiles.Bootstrap));
    }

    [Fact]
    public void Given_gateway_refusing_bootstrap_When_provisioned_Then_BOOTSTRAP_skipped_as_unsupported()
    {
        var accepted = new HashSet<string>(WorkspaceFiles.AcceptedByFullGateway);
        accepted.Remove(WorkspaceFiles.Bootstrap);

        var plan = Planner.Plan(Contexts.Worker(), Contexts.Provision(accepted));

        Assert.Contains(new SkippedFile(WorkspaceFiles.Bootstrap, SkipReason.UnsupportedByGateway), plan.Skipped);
    }
}
