namespace MissionControl.Grains.Boards;

/// <summary>Base of board commands; <paramref name="Now"/> comes from the caller.</summary>
public abstract record BoardCommand(DateTimeOffset Now);

/// <summary>Create a board on a gateway that already has its main agent.</summary>
public sealed record CreateBoard(
    Guid BoardId,
    Guid OrganizationId,
    string Name,
    string? Description,
    GatewayFacts? Gateway,
    DateTimeOffset Now) : BoardCommand(Now)
{
    /// <summary><c>goal</c> or <c>general</c>.</summary>
    public string BoardType { get; init; } = Boards.BoardType.General;

    /// <summary>Objective text.</summary>
    public string? Objective { get; init; }

    /// <summary>Workflow switches; defaults when null.</summary>
    public BoardRules? Rules { get; init; }
}

/// <summary>Change a board; null properties stay as they are.</summary>
public sealed record UpdateBoard(DateTimeOffset Now) : BoardCommand(Now)
{
    /// <summary>New name.</summary>
    public string? Name { get; init; }

    /// <summary>New description (blank is refused).</summary>
    public string? Description { get; init; }

    /// <summary>New objective (blank clears it).</summary>
    public string? Objective { get; init; }

    /// <summary>New gateway, as the caller found it.</summary>
    public GatewayFacts? Gateway { get; init; }

    /// <summary>New workflow switches.</summary>
    public BoardRules? Rules { get; init; }
}

/// <summary>Record which agent leads the board.</summary>
public sealed record AssignBoardLead(Guid AgentId, DateTimeOffset Now) : BoardCommand(Now);

/// <summary>A chat message was posted on the board; <c>/pause</c> and <c>/resume</c> toggle the board.</summary>
public sealed record RecordChatMessage(string Content, DateTimeOffset Now) : BoardCommand(Now);

/// <summary>Add an entry to the board's memory; a chat entry may also pause or resume the board.</summary>
public sealed record PostMemory(
    Guid MemoryId, string Content, IReadOnlyList<string>? Tags, string? Source, Guid? AgentId, Guid? UserId, DateTimeOffset Now) : BoardCommand(Now);

/// <summary>Record that a message to an agent of the board could not be delivered.</summary>
public sealed record RecordNotificationFailure(string Topic, Guid AgentId, Guid? TaskId, string Error, DateTimeOffset Now) : BoardCommand(Now);

/// <summary>Delete the board.</summary>
public sealed record DeleteBoard(DateTimeOffset Now) : BoardCommand(Now);

/// <summary>Board type values.</summary>
public static class BoardType
{
    /// <summary>A board working towards a goal.</summary>
    public const string Goal = "goal";

    /// <summary>A general-purpose board.</summary>
    public const string General = "general";
}
