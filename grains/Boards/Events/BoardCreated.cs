using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>A board was created.</summary>
[EventName("board.created")]
public sealed record BoardCreated(
    Guid BoardId,
    Guid OrganizationId,
    string Name,
    string Description,
    string BoardType,
    string? Objective,
    Guid GatewayId,
    BoardRules Rules,
    DateTimeOffset At) : BoardEvent(At);
