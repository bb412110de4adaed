using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Boards;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using MissionControl.Runtime;
using Orleans;

namespace MissionControl.ReadModels.Work;

/// <summary>
/// Posts to a board's memory and fans chat out to its agents. The post is committed first, on
/// the board's stream; telling agents comes after and never undoes it (a failed message is
/// recorded as activity). <c>/pause</c> and <c>/resume</c> go verbatim to every agent of the
/// board but the sender; any other chat goes to the lead and the agents it @mentions.
/// </summary>
public sealed class BoardChat(IGrainFactory grains, AgentQueries agents, AgentMessenger messenger, AgentOptions options)
{
    private const int MaxSnippet = 800;

    public async Task<BoardMemoryView> PostAsync(BoardRow board, WorkActor actor, string content, IReadOnlyList<string>? tags, string? source)
    {
        var isChat = tags?.Contains(BoardDecider.ChatTag) == true;
        if (isChat && string.IsNullOrEmpty(source))
            source = actor.DisplayName;
        var memory = new NewBoardMemory(content, tags, source, actor.AgentId, (actor as WorkActor.User)?.UserId);
        BoardMemoryView posted;
        using (actor.Stamp())
            posted = await grains.GetGrain<IBoardGrain>(board.Id.ToString()).PostMemory(memory);
        if (posted.IsChat)
            await FanOutAsync(board, actor, posted);
        return posted;
    }

    // Sent side by side: a slow or unreachable gateway then holds the post up once, not once per agent.
    private async Task FanOutAsync(BoardRow board, WorkActor actor, BoardMemoryView posted)
    {
        var boardAgents = (await agents.ListAsync(new AgentListFilter(BoardId: board.Id), PageLimits.MaxLimit, 0)).Items
            .Where(agent => agent.Id != actor.AgentId)
            .ToList();
        await Task.WhenAll(Messages(board, actor, posted, boardAgents)
            .Select(m => messenger.SendAsync(board.Id, m.Agent, m.Message)));
    }

    private IEnumerable<(AgentRow Agent, AgentMessage Message)> Messages(
        BoardRow board, WorkActor actor, BoardMemoryView posted, List<AgentRow> boardAgents)
    {
        if (BoardDecider.ControlCommand(posted.Content) is { } command)
            return boardAgents.Select(agent => (agent, new AgentMessage("board.chat", null, command, $"chat-{posted.Id}-{agent.Id}", Deliver: true)));

        var handles = Mentions.Extract(posted.Content);
        return boardAgents
            .Select(agent => (Agent: agent, Mentioned: Mentions.Names(handles, agent.Name, agent.IsBoardLead)))
            .Where(target => target.Agent.IsBoardLead || target.Mentioned)
            .Select(target => (target.Agent, new AgentMessage("board.chat", null,
                Compose(target.Mentioned ? "BOARD CHAT MENTION" : "BOARD CHAT", board, actor, posted.Content),
                $"chat-{posted.Id}-{target.Agent.Id}")));
    }

    private string Compose(string header, BoardRow board, WorkActor actor, string content) =>
        $$"""
        {{header}}
        Board: {{board.Name}}
        From: {{actor.DisplayName}}

        {{Text.Truncate(content.Trim(), MaxSnippet)}}

        Reply in the board chat:
        POST {{options.BaseUrl.TrimEnd('/')}}/api/v1/agent/boards/{{board.Id}}/memory
        Body: {"content": "...", "tags": ["chat"]}
        """;
}
