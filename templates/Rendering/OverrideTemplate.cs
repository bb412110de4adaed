namespace MissionControl.Templates.Rendering;

/// <summary>Compiles and renders user-supplied templates so that any failure becomes a <see cref="TemplateValidationException"/>.</summary>
internal static class OverrideTemplate
{
    public static string Render(string templateName, string source, IReadOnlyDictionary<string, object> variables)
    {
        ArgumentNullException.ThrowIfNull(source);
        var refusal = OverrideLimits.Check(source);
        if (refusal is not null)
        {
            throw new TemplateValidationException(templateName, refusal);
        }

        var rendered = CompileAndRender(templateName, source, variables);
        return rendered.Length > OverrideLimits.MaxRenderedLength
            ? throw new TemplateValidationException(
                templateName, $"it renders to more than {OverrideLimits.MaxRenderedLength} characters")
            : rendered;
    }

    // Any exception here comes from text a user typed, so it is reported as invalid input rather
    // than allowed to surface as a server error.
    private static string CompileAndRender(string templateName, string source, IReadOnlyDictionary<string, object> variables)
    {
        try
        {
            var template = HandlebarsFactory.CreateStrict().Compile(source);
            return template(variables).Trim();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new TemplateValidationException(templateName, ex.Message, ex);
        }
    }
}
