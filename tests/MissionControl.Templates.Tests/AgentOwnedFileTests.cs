using MissionControl.Templates.Planning;

namespace MissionControl.Templates.Tests;

public class AgentOwnedFileTests
{
    private static readonly WorkspacePlanner Planner = new();

    [Theory]
    [InlineData("SELF.md")]
    [InlineData("USER.md")]
    [InlineData("MEMORY.md")]
    [InlineData("TASK_SOUL.md")]
    public void Given_agent_has_file_When_reprovisioned_Then_file_not_written(string name)
    {
        var inputs = Contexts.Update(existing: new ExistingFile(name));

        var plan = Planner.Plan(Contexts.Worker(), inputs);

        Assert.False(plan.Files.ContainsKey(name));
        Assert.Contains(new SkippedFile(name, SkipReason.AgentOwnsExistingFile), plan.Skipped);
    }

    [Theory]
    [InlineData("SELF.md")]
    [InlineData("USER.md")]
    [InlineData("MEMORY.md")]
    [InlineData("TASK_SOUL.md")]
    public void Given_agent_has_file_When_updated_with_overwrite_Then_file_is_rewritten(string name)
    {
        var inputs = Contexts.Update(existing: new ExistingFile(name)) with { Overwrite = true };

        var plan = Planner.Plan(Contexts.Worker(), inputs);

        Assert.True(plan.Files.ContainsKey(name));
        Assert.DoesNotContain(plan.Skipped, skipped => skipped.Name == name);
    }

    [Fact]
    public void Given_agent_has_SELF_When_provisioned_again_Then_SELF_not_written()
    {
        var plan = Planner.Plan(Contexts.Lead(), Contexts.Provision(existing: new ExistingFile(WorkspaceFiles.Self)));

        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Self));
    }

    [Theory]
    [InlineData("SELF.md")]
    [InlineData("USER.md")]
    [InlineData("MEMORY.md")]
    [InlineData("TASK_SOUL.md")]
    public void Given_file_listed_as_missing_When_updated_Then_file_is_written(string name)
    {
        var inputs = Contexts.Update(existing: new ExistingFile(name, Missing: true));

        var plan = Planner.Plan(Contexts.Worker(), inputs);

        Assert.True(plan.Files.ContainsKey(name));
    }

    [Fact]
    public void Given_file_name_with_spaces_in_listing_When_updated_Then_it_still_counts_as_present()
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Update(existing: new ExistingFile(" MEMORY.md ")));

        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Memory));
    }

    [Theory]
    [InlineData("AGENTS.md")]
    [InlineData("SOUL.md")]
    [InlineData("IDENTITY.md")]
    [InlineData("TOOLS.md")]
    [InlineData("HEARTBEAT.md")]
    public void Given_agent_has_managed_file_When_updated_Then_it_is_rewritten(string name)
    {
        var plan = Planner.Plan(Contexts.Worker(), Contexts.Update(existing: new ExistingFile(name)));

        Assert.True(plan.Files.ContainsKey(name));
    }

    [Fact]
    public void Given_gateway_main_When_planned_Then_TASK_SOUL_is_not_for_its_role()
    {
        var plan = Planner.Plan(Contexts.GatewayMain(), Contexts.Provision());

        Assert.Contains(new SkippedFile(WorkspaceFiles.TaskSoul, SkipReason.NotForRole), plan.Skipped);
    }

    [Fact]
    public void Given_gateway_main_agent_has_USER_When_updated_Then_USER_is_rewritten_but_MEMORY_is_kept()
    {
        var inputs = Contexts.Update(existing: [new ExistingFile(WorkspaceFiles.User), new ExistingFile(WorkspaceFiles.Memory)]);

        var plan = Planner.Plan(Contexts.GatewayMain(), inputs);

        Assert.True(plan.Files.ContainsKey(WorkspaceFiles.User));
        Assert.False(plan.Files.ContainsKey(WorkspaceFiles.Memory));
    }
}
