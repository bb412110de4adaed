namespace MissionControl.Templates.Rendering;

/// <summary>
/// A user-supplied template (an identity or soul override) cannot be compiled or rendered.
/// The message is safe to show to the person who wrote the template.
/// </summary>
public sealed class TemplateValidationException : Exception
{
    /// <summary>Creates the error for the named template.</summary>
    public TemplateValidationException(string templateName, string reason, Exception? inner = null)
        : base($"{templateName} template is invalid: {reason}", inner)
    {
        TemplateName = templateName;
        Reason = reason;
    }

    /// <summary>Which template failed, e.g. <c>SOUL.md</c>.</summary>
    public string TemplateName { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
