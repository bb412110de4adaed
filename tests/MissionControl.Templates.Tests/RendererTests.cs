using MissionControl.Templates.Context;
using MissionControl.Templates.Planning;
using MissionControl.Templates.Rendering;

namespace MissionControl.Templates.Tests;

public class RendererTests
{
    private static readonly WorkspaceRenderer Renderer = WorkspaceRenderer.Shared;

    public static TheoryData<AgentRole, string> TemplatesPerRole()
    {
        var data = new TheoryData<AgentRole, string>();
        foreach (var role in Enum.GetValues<AgentRole>())
        {
            foreach (var file in WorkspaceFiles.All)
            {
                if (TemplateSelection.For(role, file) is { } template)
                {
                    data.Add(role, template);
                }
            }

            foreach (var helper in new[] { "HEARTBEAT_PROMPT.md", "CREDENTIALS_SECTION.md", "HEARTBEAT_SECTION.md" })
            {
                data.Add(role, helper);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TemplatesPerRole))]
    public void Given_role_context_When_its_template_renders_Then_output_is_nonempty_and_trimmed(AgentRole role, string template)
    {
        var output = Renderer.Render(template, TemplateVariables.From(Contexts.For(role)));

        Assert.NotEmpty(output);
        Assert.Equal(output.Trim(), output);
        Assert.DoesNotContain("{{", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_every_embedded_template_When_listed_Then_each_is_known_to_the_renderer()
    {
        var expected = new[]
        {
            "AGENTS.md", "SOUL.md", "TASK_SOUL.md", "SELF.md", "AUTONOMY.md", "TOOLS.md", "IDENTITY.md", "USER.md",
            "HEARTBEAT_LEAD.md", "HEARTBEAT_AGENT.md", "BOOT.md", "BOOTSTRAP.md", "MEMORY.md", "MAIN_AGENTS.md",
            "MAIN_HEARTBEAT.md", "MAIN_USER.md", "MAIN_BOOT.md", "MAIN_TOOLS.md",
        };

        Assert.All(expected, name => Assert.Contains(name, Renderer.TemplateNames));
    }

    [Fact]
    public void Given_context_without_auth_token_When_TOOLS_renders_Then_it_fails_naming_the_template()
    {
        var variables = TemplateVariables.From(Contexts.Worker());
        variables.Remove("auth_token");

        var error = Assert.Throws<TemplateRenderException>(() => Renderer.Render("TOOLS.md", variables));

        Assert.Equal("TOOLS.md", error.TemplateName);
        Assert.Contains("auth_token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_main_context_When_a_board_template_renders_Then_missing_board_variable_fails()
    {
        var variables = TemplateVariables.From(Contexts.GatewayMain());

        Assert.Throws<TemplateRenderException>(() => Renderer.Render("HEARTBEAT_AGENT.md", variables));
    }

    [Fact]
    public void Given_board_agent_without_board_When_variables_built_Then_it_is_refused()
    {
        var context = Contexts.Worker() with { Board = null };

        Assert.Throws<ArgumentException>(() => TemplateVariables.From(context));
    }

    [Fact]
    public void Given_markup_characters_in_values_When_rendered_Then_they_are_not_html_escaped()
    {
        var output = Renderer.Render("USER.md", TemplateVariables.From(Contexts.Worker()));

        Assert.Contains("Prefers <short> updates & bullet points.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", output, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_board_name_with_ampersand_When_AGENTS_renders_Then_it_survives()
    {
        var output = Renderer.Render("AGENTS.md", TemplateVariables.From(Contexts.Lead()));

        Assert.Contains("**Launch & Grow**", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_unknown_template_name_When_rendered_Then_it_is_not_found()
    {
        Assert.Throws<KeyNotFoundException>(() => Renderer.Render("NOPE.md", TemplateVariables.From(Contexts.Worker())));
    }

    [Fact]
    public void Given_blank_identity_fields_When_variables_built_Then_defaults_apply()
    {
        var context = Contexts.Worker() with { Identity = new IdentityProfile { Role = " ", Emoji = "" } };

        var variables = TemplateVariables.From(context);

        Assert.Equal(IdentityProfile.DefaultRole, variables["identity_role"]);
        Assert.Equal(IdentityProfile.DefaultEmoji, variables["identity_emoji"]);
    }

    [Fact]
    public void Given_preferred_name_with_several_words_When_variables_built_Then_only_first_word_is_used()
    {
        Assert.Equal("Sam", TemplateVariables.From(Contexts.Worker())["user_preferred_name"]);
    }

    [Theory]
    [InlineData(AgentRole.Lead, "agent-lead")]
    [InlineData(AgentRole.Worker, "agent-worker")]
    [InlineData(AgentRole.GatewayMain, "agent-main")]
    public void Given_role_When_AGENTS_renders_Then_it_names_the_role_openapi_tag(AgentRole role, string tag)
    {
        var template = TemplateSelection.For(role, WorkspaceFiles.Agents)!;

        var output = Renderer.Render(template, TemplateVariables.From(Contexts.For(role)));

        Assert.Contains("--arg tag " + tag, output, StringComparison.Ordinal);
    }
}
