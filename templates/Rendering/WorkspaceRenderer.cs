using HandlebarsDotNet;

namespace MissionControl.Templates.Rendering;

/// <summary>
/// Renders the embedded workspace templates and user-supplied overrides. Built-in templates are
/// compiled once; the instance is safe to share between threads.
/// </summary>
public sealed class WorkspaceRenderer
{
    private static readonly Lazy<WorkspaceRenderer> SharedInstance = new(() => new WorkspaceRenderer());

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _compiled;

    /// <summary>Compiles every embedded template; a broken built-in template fails here, early.</summary>
    public WorkspaceRenderer()
    {
        var handlebars = HandlebarsFactory.CreateStrict();
        foreach (var (name, source) in TemplateLibrary.Partials)
        {
            handlebars.RegisterTemplate(name, source);
        }

        _compiled = TemplateLibrary.TemplateNames.ToDictionary(
            name => name, name => handlebars.Compile(TemplateLibrary.All[name]), StringComparer.Ordinal);
    }

    /// <summary>A process-wide renderer, built on first use.</summary>
    public static WorkspaceRenderer Shared => SharedInstance.Value;

    /// <summary>Names of the templates this renderer knows.</summary>
    public IEnumerable<string> TemplateNames => _compiled.Keys;

    /// <summary>Renders a built-in template; the result is trimmed.</summary>
    /// <exception cref="KeyNotFoundException">No template has that name.</exception>
    /// <exception cref="TemplateRenderException">The template uses a variable that is missing.</exception>
    public string Render(string templateName, IReadOnlyDictionary<string, object> variables)
    {
        if (!_compiled.TryGetValue(templateName, out var template))
        {
            throw new KeyNotFoundException($"No workspace template named {templateName}.");
        }

        try
        {
            return template(variables).Trim();
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new TemplateRenderException(templateName, ex);
        }
    }

    /// <summary>
    /// Compiles and renders a user-supplied template (an IDENTITY.md or SOUL.md override) against the
    /// same variables as the built-in ones. Overrides cannot include partials.
    /// </summary>
    /// <exception cref="TemplateValidationException">The override is malformed, too large or uses an unknown variable.</exception>
    public static string RenderOverride(string templateName, string source, IReadOnlyDictionary<string, object> variables) =>
        OverrideTemplate.Render(templateName, source, variables);
}
