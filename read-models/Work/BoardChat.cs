using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Boards;
using MissionControl.ReadModels.Queries;
using Orleans;

namespace MissionControl.ReadModels.Work;

/// <summary>
/// Posts to a board's memory, on the board's stream. A chat post is told to the board's agents
/// after the commit, by the <see cref="NoticeDispatcher"/> (see <see cref="AgentNotices"/>).
/// </summary>
public sealed class BoardChat(IGrainFactory grains)
{
    public async Task<BoardMemoryView> PostAsync(BoardRow board, WorkActor actor, string content, IReadOnlyList<string>? tags, string? source)
    {
        var isChat = tags?.Contains(BoardDecider.ChatTag) == true;
        if (isChat && string.IsNullOrEmpty(source))
            source = actor.DisplayName;
        var memory = new NewBoardMemory(content, tags, source, actor.AgentId, (actor as WorkActor.User)?.UserId);
        using (actor.Stamp())
            return await grains.GetGrain<IBoardGrain>(board.Id.ToString()).PostMemory(memory);
    }
}
