namespace MissionControl.ApiGateway.Configuration;

/// <summary>
/// Every bad variable of one reading of the configuration: each variable is read on its own, a
/// bad one is noted and the reading goes on, so an operator learns of all of them in one start
/// instead of one per attempt.
/// </summary>
public sealed class ConfigurationProblems
{
    private readonly List<ConfigurationException> _problems = [];

    public IReadOnlyList<ConfigurationException> All => _problems;

    /// <summary>The value <paramref name="read"/> gives, or <paramref name="fallback"/> with its problems noted.</summary>
    public T Read<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException problem)
        {
            _problems.AddRange(problem.Problems);
            return fallback;
        }
    }

    /// <summary>Notes a problem found by comparing variables rather than reading one.</summary>
    public void Add(string variable, string problem) => _problems.Add(new ConfigurationException(variable, problem));

    /// <summary>Runs <paramref name="apply"/>, noting its problems.</summary>
    public void Run(Action apply) => Read(() =>
    {
        apply();
        return true;
    }, false);

    /// <exception cref="ConfigurationException">Any variable was bad; it lists every one.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
            throw new ConfigurationException(_problems);
    }
}

/// <summary>
/// Configuration that stops startup. One problem's message starts with the variable's name; a
/// reading with several lists each in <see cref="Problems"/> (and the message joins them).
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string variable, string problem)
        : base($"{variable} {problem}")
    {
        Variable = variable;
        Problems = [this];
    }

    public ConfigurationException(IReadOnlyList<ConfigurationException> problems)
        : base(string.Join("; ", problems.Select(problem => problem.Message)))
    {
        Variable = problems[0].Variable;
        Problems = problems;
    }

    /// <summary>The (first) variable at fault.</summary>
    public string Variable { get; }

    /// <summary>Each bad variable with its problem.</summary>
    public IReadOnlyList<ConfigurationException> Problems { get; }
}
