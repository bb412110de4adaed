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
        Report(finished: false, last: null);
    }

    public void Updated(RosterAgent agent)
    {
        if (agent.IsGatewayMain)
            _mainUpdated = true;
        else
            _updated++;
        Advance(Outcome(agent, TemplateSyncAgentOutcome.Updated, message: null));
    }

    /// <summary>An agent left as it is; <paramref name="message"/> null for a quiet skip (paused board).</summary>
    public void Skip(RosterAgent agent, string? message)
    {
        if (!agent.IsGatewayMain)
            _skipped++;
        if (message is not null)
            _errors.Add(new TemplateSyncError(agent.AgentId, agent.Name, agent.BoardId, message));
        Advance(Outcome(agent, message is null ? TemplateSyncAgentOutcome.Skipped : TemplateSyncAgentOutcome.Failed, message));
    }

    public TemplateSyncResult Fail(string message)
    {
        _errors.Add(new TemplateSyncError(null, null, null, message));
        return Finish();
    }

    public TemplateSyncResult Finish() => Report(finished: true, last: null);

    private static TemplateSyncAgentOutcome Outcome(RosterAgent agent, string outcome, string? message) =>
        new(agent.AgentId, agent.Name, agent.BoardId, outcome, message);

    private void Advance(TemplateSyncAgentOutcome last)
    {
        _done++;
        Report(finished: false, last);
    }

    private TemplateSyncResult Report(bool finished, TemplateSyncAgentOutcome? last)
    {
        var result = new TemplateSyncResult(gatewayId, Options.IncludeMain, Options.ResetSessions, _updated, _skipped, _mainUpdated, _errors.ToList())
        {
            AgentsDone = _done,
            AgentsTotal = _total,
            Finished = finished,
            LastAgent = last,
        };
        progress?.Report(result);
        return result;
    }
}
