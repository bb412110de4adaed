using MissionControl.Templates.Context;
using MissionControl.Templates.Rendering;

namespace MissionControl.Templates.Planning;

/// <summary>
/// Moves the credentials block and the heartbeat routine into AGENTS.md when the gateway refuses
/// TOOLS.md or HEARTBEAT.md, and writes the heartbeat prompt that points the agent there.
/// </summary>
internal sealed class AgentsFolding(
    WorkspaceRenderer renderer, AgentRole role, IReadOnlyDictionary<string, object> variables)
{
    private const string SectionBreak = "\n\n";

    public void Apply(PlanBuilder plan, GatewayFallback fallback)
    {
        var sections = Sections(fallback);
        var agents = plan.Files.GetValueOrDefault(WorkspaceFiles.Agents);
        if (agents is null)
        {
            WithoutAgentsFile(plan, fallback);
            return;
        }

        if (fallback.HeartbeatInAgents)
        {
            plan.HeartbeatPrompt = renderer.Render("HEARTBEAT_PROMPT.md", variables);
        }

        plan.Write(WorkspaceFiles.Agents, Fold(plan, agents, sections));
    }

    private List<string> Sections(GatewayFallback fallback)
    {
        var sections = new List<string>();
        if (fallback.CredentialsInAgents)
        {
            sections.Add(renderer.Render("CREDENTIALS_SECTION.md", variables));
        }

        if (fallback.HeartbeatInAgents)
        {
            sections.Add(renderer.Render("HEARTBEAT_SECTION.md", variables) + SectionBreak + AsSubsection(Routine()));
        }

        return sections;
    }

    // The appended sections must survive whole (the credentials block is read back), so only the
    // manual in front of them gives way when the file would pass the budget.
    private static string Fold(PlanBuilder plan, string agents, List<string> sections)
    {
        if (sections.Count == 0)
        {
            return Fit(plan, agents, WorkspaceBudget.MaxFileChars);
        }

        var tail = SectionBreak + string.Join(SectionBreak, sections);
        var room = WorkspaceBudget.MaxFileChars - tail.Length;
        return room > WorkspaceBudget.CutNotice.Length * 2
            ? Fit(plan, agents, room) + tail
            : Fit(plan, agents + tail, WorkspaceBudget.MaxFileChars);
    }

    private static string Fit(PlanBuilder plan, string text, int maxChars)
    {
        var (fitted, wasCut) = WorkspaceBudget.Fit(text, maxChars);
        if (wasCut)
        {
            plan.Warn($"{WorkspaceFiles.Agents} was cut to stay within {WorkspaceBudget.MaxFileChars} characters.");
        }

        return fitted;
    }

    // Without AGENTS.md there is nowhere to carry the folded content: the full routine goes into the
    // heartbeat prompt instead, and the operator hears that the credentials could not be written.
    private void WithoutAgentsFile(PlanBuilder plan, GatewayFallback fallback)
    {
        if (fallback.HeartbeatInAgents)
        {
            plan.HeartbeatPrompt = WorkspaceBudget.Fit(Routine()).Text;
        }

        if (fallback.CredentialsInAgents)
        {
            plan.Warn("The gateway accepts neither TOOLS.md nor AGENTS.md: the agent's credentials were not written.");
        }
    }

    private string Routine()
    {
        var template = TemplateSelection.For(role, WorkspaceFiles.Heartbeat)!;
        return WorkspaceBudget.Fit(renderer.Render(template, variables)).Text;
    }

    // Inside AGENTS.md the routine's own "# HEARTBEAT.md" title would be misleading, and its steps
    // belong under the "Heartbeat routine" heading, one level down.
    private static string AsSubsection(string routine)
    {
        var lines = routine.Split('\n').ToList();
        if (lines.Count > 1 && lines[0].StartsWith("# ", StringComparison.Ordinal))
        {
            lines.RemoveAt(0);
        }

        var demoted = lines.Select(line => line.StartsWith("## ", StringComparison.Ordinal) ? "#" + line : line);
        return string.Join('\n', demoted).Trim();
    }
}
