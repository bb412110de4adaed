using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>An agent became the board lead.</summary>
[EventName("board.lead_assigned")]
public sealed record BoardLeadAssigned(Guid AgentId, DateTimeOffset At) : BoardEvent(At);
