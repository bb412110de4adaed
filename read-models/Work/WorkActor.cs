using MissionControl.GrainInterfaces.Tasks;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;

namespace MissionControl.ReadModels.Work;

/// <summary>Who does work on a board: a user (by id and the name chat shows) or an agent (its row).</summary>
public abstract record WorkActor
{
    private WorkActor()
    {
    }

    public sealed record User(Guid UserId, string Name) : WorkActor;

    public sealed record Agent(AgentRow Row) : WorkActor;

    /// <summary>The agent behind the request, if it is one.</summary>
    public Guid? AgentId => this is Agent agent ? agent.Row.Id : null;

    public string DisplayName => this switch
    {
        User user => user.Name,
        Agent agent => agent.Row.Name,
        _ => "User",
    };

    /// <summary>How the task rules see this actor: a user, the board's lead, or a worker.</summary>
    public TaskEditor Editor => this switch
    {
        User user => new TaskEditor.User(user.UserId),
        Agent { Row: { IsBoardLead: true, BoardId: { } boardId } row } => new TaskEditor.Lead(row.Id, boardId),
        Agent agent => new TaskEditor.Worker(agent.Row.Id, agent.Row.BoardId),
        _ => throw new InvalidOperationException("Unknown actor"),
    };

    /// <summary>Stamps the events appended meanwhile with this actor (the activity feed names it).</summary>
    public IDisposable Stamp() => CallContext.Begin(
        this switch
        {
            User user => $"user:{user.UserId}",
            Agent agent => $"agent:{agent.Row.Id}",
            _ => null,
        },
        CallContext.Metadata.CorrelationId);
}
