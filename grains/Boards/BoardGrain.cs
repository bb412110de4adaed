using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Common;
using Orleans;
using Orleans.Runtime;

namespace MissionControl.Grains.Boards;

/// <summary>
/// A board's event stream behind <see cref="IBoardGrain"/>. Before deciding, it asks the gateway
/// grain about the gateway a request names, so the decider's gateway rules (same organization,
/// main agent present) rest on the gateway's own stream rather than on what a caller claims.
/// </summary>
[GrainType("board")]
public sealed class BoardGrain(TimeProvider clock, IBoardTaskGraphs graphs) : EntityGrain<BoardState, BoardEvent>, IBoardGrain
{
    protected override string NotFoundDetail => "Board not found";

    protected override bool IsLive(BoardState state) => !state.IsDeleted;

    protected override BoardState? Apply(BoardState? state, BoardEvent @event) => BoardEvolver.Apply(state, @event);

    public async Task<BoardView> Create(NewBoard board)
    {
        var command = new CreateBoard(
            EntityId, board.OrganizationId, board.Name, board.Description, await GatewayFactsAsync(board.GatewayId), clock.GetUtcNow())
        {
            Objective = board.Objective,
            Rules = board.Rules is null ? null : BoardRulesMapping.ToDomain(board.Rules),
        };
        if (board.BoardType is not null)
            command = command with { BoardType = board.BoardType };
        await Execute(state => BoardDecider.Decide(state, command));
        return ToView(Live());
    }

    public async Task<BoardView> Update(BoardChanges changes)
    {
        if (changes.GatewayId is not null)
            Live(); // An unknown board is NotFound before its new gateway is judged.
        var command = new UpdateBoard(clock.GetUtcNow())
        {
            Name = changes.Name,
            Description = changes.Description,
            Objective = changes.Objective,
            Gateway = await GatewayFactsAsync(changes.GatewayId),
            Rules = changes.Rules is null ? null : BoardRulesMapping.ToDomain(changes.Rules),
        };
        await Execute(state => BoardDecider.Decide(state, command));
        return ToView(Live());
    }

    public async Task<BoardView> AssignLead(Guid agentId)
    {
        await Execute(state => BoardDecider.Decide(state, new AssignBoardLead(agentId, clock.GetUtcNow())));
        return ToView(Live());
    }

    public async Task<bool> RecordChatMessage(string content)
    {
        await Execute(state => BoardDecider.Decide(state, new RecordChatMessage(content, clock.GetUtcNow())));
        return Live().IsPaused;
    }

    public async Task<BoardMemoryView> PostMemory(NewBoardMemory memory)
    {
        var command = new PostMemory(Guid.NewGuid(), memory.Content, memory.Tags, memory.Source, memory.AgentId, memory.UserId, clock.GetUtcNow());
        var posted = (await Execute(state => BoardDecider.Decide(state, command))).OfType<BoardMemoryPosted>().Single();
        return new BoardMemoryView(posted.MemoryId, EntityId, posted.Content, posted.Tags, posted.IsChat, posted.Source, posted.At);
    }

    public async Task RecordNotificationFailure(string topic, Guid agentId, Guid? taskId, string error)
    {
        var command = new RecordNotificationFailure(topic, agentId, taskId, error, clock.GetUtcNow());
        await Execute(state => BoardDecider.Decide(state, command));
    }

    public async Task Delete()
    {
        await Execute(state => BoardDecider.Decide(state, new DeleteBoard(clock.GetUtcNow())));
        // The decider lets a repeated delete pass; a board that never existed is still unknown.
        if (State is null)
            throw DomainError.NotFound(NotFoundDetail);
    }

    public Task<BoardView> Get() => Task.FromResult(ToView(Live()));

    /// <summary>What the gateway's own grain says about it; an unknown gateway is an invalid gateway_id.</summary>
    // The board's turn spans the graph read and the task's append (whose projection writes the
    // dependency rows), so the next edit reads a graph that includes this one.
    public async Task<TaskView> CreateDependentTask(Guid taskId, NewTask task)
    {
        Live();
        var graph = await graphs.GraphAsync(EntityId);
        return await TaskGrain(taskId).Create(task, graph);
    }

    public async Task<TaskView> ChangeTaskDependencies(Guid taskId, TaskEditor by, TaskEdit edit, TaskEditContext context)
    {
        Live();
        var graph = await graphs.GraphAsync(EntityId);
        return await TaskGrain(taskId).Change(by, edit, context with { Board = graph });
    }

    private ITaskGrain TaskGrain(Guid taskId) => GrainFactory.GetGrain<ITaskGrain>(taskId.ToString());

    private async Task<GatewayFacts?> GatewayFactsAsync(Guid? gatewayId)
    {
        if (gatewayId is not { } id)
            return null;
        try
        {
            var gateway = await GrainFactory.GetGrain<IGatewayGrain>(id.ToString()).Get();
            return new GatewayFacts(gateway.Id, gateway.OrganizationId, HasMainAgent: gateway.MainAgentId is not null);
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.NotFound)
        {
            throw DomainError.Validation("gateway_id is invalid");
        }
    }

    private static BoardView ToView(BoardState board) => new(
        board.Id, board.OrganizationId, board.Name, board.Description, board.BoardType, board.Objective, board.GatewayId,
        board.LeadAgentId, board.IsPaused, BoardRulesMapping.ToContract(board.Rules), board.CreatedAt, board.UpdatedAt);
}
