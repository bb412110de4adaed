using HandlebarsDotNet;

namespace MissionControl.Templates.Rendering;

/// <summary>Creates Handlebars environments with the rendering rules every workspace file follows.</summary>
internal static class HandlebarsFactory
{
    /// <summary>
    /// Strict (an unknown variable is an error, so a typo never ships as an empty string) and without
    /// HTML escaping (agents read raw Markdown; <c>&amp;</c> or <c>&lt;</c> must survive as written).
    /// </summary>
    public static IHandlebars CreateStrict() => Handlebars.Create(new HandlebarsConfiguration
    {
        ThrowOnUnresolvedBindingExpression = true,
        NoEscape = true,
    });
}
