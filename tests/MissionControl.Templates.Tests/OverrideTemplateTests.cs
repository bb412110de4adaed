using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;
using MissionControl.Templates.Rendering;

namespace MissionControl.Templates.Tests;

public class OverrideTemplateTests
{
    private static readonly Dictionary<string, object> Variables = TemplateVariables.From(Contexts.Worker());

    [Theory]
    [InlineData("{{#if agent_name}}never closed")]
    [InlineData("{{ }}")]
    [InlineData("{{/if}}")]
    [InlineData("{{unknown_variable}}")]
    [InlineData("{{#no_such_helper agent_name}}x{{/no_such_helper}}")]
    [InlineData("{{> credentials}}")]
    public void Given_bad_override_When_rendered_Then_typed_validation_error(string source)
    {
        var error = Assert.Throws<TemplateValidationException>(
            () => WorkspaceRenderer.RenderOverride("SOUL.md", source, Variables));

        Assert.Equal("SOUL.md", error.TemplateName);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Given_deeply_nested_override_When_rendered_Then_refused_before_compiling()
    {
        var source = string.Concat(Enumerable.Repeat("{{#each agent_name}}", 1_000))
            + string.Concat(Enumerable.Repeat("{{/each}}", 1_000));

        var error = Assert.Throws<TemplateValidationException>(
            () => WorkspaceRenderer.RenderOverride("IDENTITY.md", source, Variables));

        Assert.Contains("nested", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_oversized_override_When_rendered_Then_refused()
    {
        var source = new string('a', OverrideLimits.MaxSourceLength + 1);

        Assert.Throws<TemplateValidationException>(() => WorkspaceRenderer.RenderOverride("SOUL.md", source, Variables));
    }

    [Fact]
    public void Given_valid_override_When_rendered_Then_variables_fill_in_unescaped_and_trimmed()
    {
        var output = WorkspaceRenderer.RenderOverride("SOUL.md", "  I am {{agent_name}} on {{board_name}} <3  \n", Variables);

        Assert.Equal("I am Builder Bee on Launch & Grow <3", output);
    }

    [Fact]
    public void Given_bad_identity_override_When_planned_Then_plan_raises_typed_error()
    {
        var inputs = Contexts.Provision() with { IdentityTemplate = "{{#if agent_name}}" };

        var error = Assert.Throws<TemplateValidationException>(
            () => new WorkspacePlanner().Plan(Contexts.Worker(), inputs));

        Assert.Equal(WorkspaceFiles.Identity, error.TemplateName);
    }

    [Fact]
    public void Given_soul_and_identity_overrides_When_planned_Then_they_replace_the_built_in_files()
    {
        var inputs = Contexts.Provision() with
        {
            SoulTemplate = "Custom soul for {{agent_name}}",
            IdentityTemplate = "Custom card {{identity_role}}",
        };

        var plan = new WorkspacePlanner().Plan(Contexts.Worker(), inputs);

        Assert.Equal("Custom soul for Builder Bee", plan.Files[WorkspaceFiles.Soul]);
        Assert.Equal("Custom card Engineer", plan.Files[WorkspaceFiles.Identity]);
    }

    [Fact]
    public void Given_blank_override_When_planned_Then_built_in_template_is_used()
    {
        var inputs = Contexts.Provision() with { SoulTemplate = "   " };

        var plan = new WorkspacePlanner().Plan(Contexts.Worker(), inputs);

        Assert.StartsWith("# SOUL.md", plan.Files[WorkspaceFiles.Soul], StringComparison.Ordinal);
    }
}
