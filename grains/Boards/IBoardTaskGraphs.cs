using MissionControl.GrainInterfaces.Tasks;

namespace MissionControl.Grains.Boards;

/// <summary>A board's tasks and their dependencies, as the read model (written with every append) has them.</summary>
public interface IBoardTaskGraphs
{
    Task<BoardTaskGraph> GraphAsync(Guid boardId, CancellationToken ct = default);
}
