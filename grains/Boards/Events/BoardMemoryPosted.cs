using MissionControl.Runtime;

namespace MissionControl.Grains.Boards.Events;

/// <summary>
/// An entry was added to the board's memory; <paramref name="IsChat"/> when tagged <c>chat</c>.
/// Written by an agent (<paramref name="AgentId"/>) or a user (<paramref name="UserId"/>).
/// </summary>
[EventName("board.memory_posted")]
public sealed record BoardMemoryPosted(
    Guid MemoryId,
    string Content,
    IReadOnlyList<string>? Tags,
    bool IsChat,
    string? Source,
    Guid? AgentId,
    Guid? UserId,
    DateTimeOffset At) : BoardEvent(At);
