namespace MissionControl.Templates.Rendering;

/// <summary>
/// A built-in workspace template failed to render, most often because a variable it uses is missing
/// from the context. This is a defect in the caller or the template, not bad user input.
/// </summary>
public sealed class TemplateRenderException : Exception
{
    /// <summary>Creates the error for the named template.</summary>
    public TemplateRenderException(string templateName, Exception inner)
        : base($"Template {templateName} failed to render: {Describe(inner)}", inner)
    {
        TemplateName = templateName;
    }

    /// <summary>Which template failed.</summary>
    public string TemplateName { get; }

    // A failure inside a partial is wrapped by Handlebars; the innermost message names the variable.
    private static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" -> ", messages);
    }
}
