using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Boards;

/// <summary>Board rules: required fields, a gateway with a main agent, lead, pause/resume. Pure.</summary>
public static class BoardDecider
{
    /// <summary>Chat command that pauses a board.</summary>
    public const string PauseCommand = "/pause";

    /// <summary>Chat command that resumes a board.</summary>
    public const string ResumeCommand = "/resume";

    /// <summary>Decides the events for <paramref name="command"/> (state is null for a new stream).</summary>
    public static IReadOnlyList<BoardEvent> Decide(BoardState? state, BoardCommand command) => command switch
    {
        CreateBoard c => Create(state, c),
        UpdateBoard c => Update(RequireLive(state), c),
        AssignBoardLead c => RequireLive(state).LeadAgentId == c.AgentId ? [] : [new BoardLeadAssigned(c.AgentId, c.Now)],
        RecordChatMessage c => ChatCommand(RequireLive(state), c.Content, c.Now),
        PostMemory c => PostMemory(RequireLive(state), c),
        RecordNotificationFailure c =>
            [new BoardNotificationFailed(c.Topic, c.AgentId, c.TaskId, Text.Truncate(c.Error, MaxErrorLength), c.Now)],
        DeleteBoard c => state is null || state.IsDeleted ? [] : [new BoardDeleted(c.Now)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown board command"),
    };

    private static IReadOnlyList<BoardEvent> Create(BoardState? state, CreateBoard command)
    {
        if (state is not null)
        {
            throw DomainError.Conflict("Board already exists");
        }

        var name = Text.TrimToNull(command.Name) ?? throw DomainError.Validation("name is required");
        var description = Text.TrimToNull(command.Description) ?? throw DomainError.Validation("description is required");
        var gatewayId = RequireUsableGateway(command.Gateway, command.OrganizationId);
        var boardType = command.BoardType is BoardType.Goal or BoardType.General
            ? command.BoardType
            : throw DomainError.Validation("board_type must be goal or general");
        return
        [
            new BoardCreated(
                command.BoardId, command.OrganizationId, name, description, boardType,
                Text.TrimToNull(command.Objective), gatewayId, command.Rules ?? new BoardRules(), command.Now),
        ];
    }

    private static IReadOnlyList<BoardEvent> Update(BoardState board, UpdateBoard command)
    {
        var events = new List<BoardEvent>();
        if (command.Name is not null || command.Description is not null || command.Objective is not null)
        {
            var name = command.Name is null ? board.Name : Text.TrimToNull(command.Name) ?? throw DomainError.Validation("name is required");
            var description = command.Description is null
                ? board.Description
                : Text.TrimToNull(command.Description) ?? throw DomainError.Validation("description is required");
            var objective = command.Objective is null ? board.Objective : Text.TrimToNull(command.Objective);
            events.Add(new BoardDetailsChanged(name, description, objective, command.Now));
        }

        if (command.Gateway is not null)
        {
            var gatewayId = RequireUsableGateway(command.Gateway, board.OrganizationId);
            if (gatewayId != board.GatewayId)
            {
                events.Add(new BoardGatewayChanged(gatewayId, command.Now));
            }
        }

        if (command.Rules is not null && command.Rules != board.Rules)
        {
            events.Add(command.Rules.MaxAgents < 0
                ? throw DomainError.Validation("max_agents must not be negative")
                : new BoardRulesChanged(command.Rules, command.Now));
        }

        return events;
    }

    /// <summary>The tag that makes a memory entry part of the board chat.</summary>
    public const string ChatTag = "chat";

    private const int MaxErrorLength = 2000;

    /// <summary><c>/pause</c> or <c>/resume</c> (any case, surrounding space ignored), else null.</summary>
    public static string? ControlCommand(string? content) =>
        (content ?? string.Empty).Trim().ToLowerInvariant() is var command && command is PauseCommand or ResumeCommand ? command : null;

    private static IReadOnlyList<BoardEvent> ChatCommand(BoardState board, string content, DateTimeOffset now) => ControlCommand(content) switch
    {
        PauseCommand when !board.IsPaused => [new BoardPaused(now)],
        ResumeCommand when board.IsPaused => [new BoardResumed(now)],
        _ => [],
    };

    private static IReadOnlyList<BoardEvent> PostMemory(BoardState board, PostMemory command)
    {
        if (Text.TrimToNull(command.Content) is null)
        {
            throw DomainError.Validation("content is required");
        }

        var isChat = command.Tags?.Contains(ChatTag) == true;
        var posted = new BoardMemoryPosted(
            command.MemoryId, command.Content, command.Tags, isChat, command.Source, command.AgentId, command.UserId, command.Now);
        return isChat ? [posted, .. ChatCommand(board, command.Content, command.Now)] : [posted];
    }

    private static Guid RequireUsableGateway(GatewayFacts? gateway, Guid organizationId)
    {
        if (gateway is null)
        {
            throw DomainError.Validation("gateway_id is required");
        }

        if (gateway.OrganizationId != organizationId)
        {
            throw DomainError.Validation("gateway_id is invalid");
        }

        return gateway.HasMainAgent
            ? gateway.GatewayId
            : throw DomainError.Validation("gateway must have a gateway main agent before boards can be created or updated");
    }

    private static BoardState RequireLive(BoardState? state) =>
        state is null || state.IsDeleted ? throw DomainError.NotFound("Board not found") : state;
}
