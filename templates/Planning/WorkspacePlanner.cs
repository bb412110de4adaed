using MissionControl.Templates.Context;
using MissionControl.Templates.Rendering;

namespace MissionControl.Templates.Planning;

/// <summary>
/// Decides which workspace files to write for an agent and renders them. Pure: it reads nothing
/// from the gateway itself; the caller gathers <see cref="WorkspaceInputs"/> and applies the plan.
/// </summary>
public sealed class WorkspacePlanner
{
    private readonly WorkspaceRenderer _renderer;

    /// <summary>Plans with the shared renderer.</summary>
    public WorkspacePlanner()
        : this(WorkspaceRenderer.Shared)
    {
    }

    /// <summary>Plans with the given renderer.</summary>
    public WorkspacePlanner(WorkspaceRenderer renderer) => _renderer = renderer;

    /// <summary>Returns the files to write, the heartbeat prompt (if any) and the files skipped with reasons.</summary>
    /// <exception cref="TemplateValidationException">An identity or soul override is not a valid template.</exception>
    public WorkspacePlan Plan(WorkspaceContext context, WorkspaceInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        var fallback = GatewayFallback.For(inputs.AcceptedFiles);
        var variables = TemplateVariables.From(context, fallback.CredentialsLocation, fallback.HeartbeatLocation);
        var plan = new PlanBuilder();
        foreach (var name in WorkspaceFiles.All)
        {
            PlanFile(plan, name, context.Role, inputs, fallback, variables);
        }

        new AgentsFolding(_renderer, context.Role, variables).Apply(plan, fallback);
        return plan.Build();
    }

    private void PlanFile(
        PlanBuilder plan, string name, AgentRole role, WorkspaceInputs inputs,
        GatewayFallback fallback, IReadOnlyDictionary<string, object> variables)
    {
        var template = TemplateSelection.For(role, name);
        var skipped = SkipBeforeRendering(name, role, template, inputs, fallback);
        if (skipped is not null)
        {
            plan.Skip(skipped);
            return;
        }

        var content = RenderFile(name, template!, inputs, variables);
        if (content.Length == 0)
        {
            plan.Skip(new SkippedFile(name, SkipReason.EmptyRender));
            return;
        }

        if (name is WorkspaceFiles.Heartbeat)
        {
            plan.WriteWithinBudget(name, content);
            return;
        }

        plan.Write(name, content);
    }

    private static SkippedFile? SkipBeforeRendering(
        string name, AgentRole role, string? template, WorkspaceInputs inputs, GatewayFallback fallback)
    {
        if (template is null)
        {
            return new SkippedFile(name, SkipReason.NotForRole);
        }

        if (name == WorkspaceFiles.Bootstrap && !BootstrapRule.ShouldWrite(inputs))
        {
            return new SkippedFile(name, SkipReason.BootstrapNotNeeded);
        }

        if (!inputs.AcceptedFiles.Contains(name))
        {
            return new SkippedFile(name, SkipReason.UnsupportedByGateway, fallback.DetailFor(name));
        }

        return !inputs.Overwrite && WorkspaceFiles.IsAgentOwned(role, name) && inputs.AgentHas(name)
            ? new SkippedFile(name, SkipReason.AgentOwnsExistingFile)
            : null;
    }

    private string RenderFile(
        string name, string template, WorkspaceInputs inputs, IReadOnlyDictionary<string, object> variables)
    {
        var userTemplate = name switch
        {
            WorkspaceFiles.Identity => inputs.IdentityTemplate,
            WorkspaceFiles.Soul => inputs.SoulTemplate,
            _ => null,
        };

        return string.IsNullOrWhiteSpace(userTemplate)
            ? _renderer.Render(template, variables)
            : WorkspaceRenderer.RenderOverride(name, userTemplate, variables);
    }
}
