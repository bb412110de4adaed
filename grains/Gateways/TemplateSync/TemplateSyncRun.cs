namespace MissionControl.Grains.Gateways.TemplateSync;

/// <summary>The running totals of one template sync, reported after every agent.</summary>
internal sealed class TemplateSyncRun(Guid gatewayId, TemplateSyncOptions options, IProgress<TemplateSyncResult>? progress)
{
    private readonly List<TemplateSyncError> _errors = [];
    private int _updated;
    private int _skipped;
    private int _done;
    private int _total;
    private bool _mainUpdated;

    public TemplateSyncOptions Options { get; } = options;

    public void Start(int total)
    {
        _total = total;
        Report(finished: false);
    }

    public void Updated(RosterAgent agent)
    {
        if (agent.IsGatewayMain)
            _mainUpdated = true;
        else
            _updated++;
        Advance();
    }

    /// <summary>An agent left as it is; <paramref name="message"/> null for a quiet skip (paused board).</summary>
    public void Skip(RosterAgent agent, string? message)
    {
        if (!agent.IsGatewayMain)
            _skipped++;
        if (message is not null)
            _errors.Add(new TemplateSyncError(agent.AgentId, agent.Name, agent.BoardId, message));
        Advance();
    }

    public TemplateSyncResult Fail(string message)
    {
        _errors.Add(new TemplateSyncError(null, null, null, message));
        return Finish();
    }

    public TemplateSyncResult Finish() => Report(finished: true);

    private void Advance()
    {
        _done++;
        Report(finished: false);
    }

    private TemplateSyncResult Report(bool finished)
    {
        var result = new TemplateSyncResult(gatewayId, Options.IncludeMain, Options.ResetSessions, _updated, _skipped, _mainUpdated, _errors.ToList())
        {
            AgentsDone = _done,
            AgentsTotal = _total,
            Finished = finished,
        };
        progress?.Report(result);
        return result;
    }
}
