namespace MissionControl.Templates.Rendering;

/// <summary>
/// Cheap checks on user-supplied templates before they reach the Handlebars compiler, whose
/// recursive descent overflows the stack on deeply nested blocks (a crash no catch can stop).
/// </summary>
public static class OverrideLimits
{
    /// <summary>Longest accepted override source, in characters.</summary>
    public const int MaxSourceLength = 64 * 1024;

    /// <summary>Deepest accepted nesting of blocks and sub-expressions.</summary>
    public const int MaxNesting = 16;

    /// <summary>Longest accepted rendered override, in characters.</summary>
    public const int MaxRenderedLength = 256 * 1024;

    /// <summary>Returns why the source is refused, or null when it may be compiled.</summary>
    public static string? Check(string source)
    {
        if (source.Length > MaxSourceLength)
        {
            return $"it is longer than {MaxSourceLength} characters";
        }

        return NestingDepth(source) > MaxNesting
            ? $"blocks or sub-expressions are nested deeper than {MaxNesting} levels"
            : null;
    }

    // Over-approximates: counts block openers and parentheses anywhere in the text, which only
    // ever refuses more, never less, than the compiler would recurse on.
    private static int NestingDepth(string source)
    {
        int blocks = 0, parens = 0, deepest = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (IsMustache(source, i, '#') || IsMustache(source, i, '^'))
            {
                blocks++;
            }
            else if (IsMustache(source, i, '/'))
            {
                blocks = Math.Max(0, blocks - 1);
            }
            else if (source[i] == '(')
            {
                parens++;
            }
            else if (source[i] == ')')
            {
                parens = Math.Max(0, parens - 1);
            }

            deepest = Math.Max(deepest, Math.Max(blocks, parens));
        }

        return deepest;
    }

    private static bool IsMustache(string source, int at, char sigil)
    {
        if (at + 2 >= source.Length || source[at] != '{' || source[at + 1] != '{')
        {
            return false;
        }

        var next = at + 2;
        while (next < source.Length && (source[next] == '~' || source[next] == '{'))
        {
            next++;
        }

        return next < source.Length && source[next] == sigil;
    }
}
