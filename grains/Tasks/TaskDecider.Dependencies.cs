using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tasks;

// Dependencies: a task waits for other tasks of its board. A self-reference is invalid (422), an
// id that is not a task of the board unknown (404, naming them), and an edge that closes a loop
// anywhere on the board a conflict (409). A task with an unfinished dependency is blocked.
public static partial class TaskDecider
{
    public const string SelfDependencyDetail = "Task cannot depend on itself.";
    public const string MissingDependencyDetail = "One or more dependency tasks were not found on this board.";
    public const string CycleDetail = "Dependency cycle detected. Remove the cycle before saving.";

    /// <summary>The requested dependencies without repeats, in the order given, once they pass every check.</summary>
    public static IReadOnlyList<Guid> ValidateDependencies(Guid taskId, IReadOnlyList<Guid> requested, BoardTaskGraph board)
    {
        var dependsOn = requested.Distinct().ToList();
        if (dependsOn.Contains(taskId))
        {
            throw DomainError.Validation(SelfDependencyDetail);
        }

        var missing = dependsOn.Where(id => !board.Tasks.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(DomainErrorKind.NotFound, MissingDependencyDetail)
            {
                Fields = new Dictionary<string, object> { ["missing_task_ids"] = missing },
            };
        }

        if (dependsOn.Count > 0 && ClosesCycle(taskId, dependsOn, board))
        {
            throw DomainError.Conflict(CycleDetail);
        }

        return dependsOn;
    }

    /// <summary>The dependencies that are not done yet (a task with any is blocked).</summary>
    public static IReadOnlyList<Guid> BlockedBy(IEnumerable<Guid> dependsOn, BoardTaskGraph board) =>
        dependsOn.Where(id => board.Tasks.TryGetValue(id, out var node) && node.Status != TaskStatus.Done).ToList();

    // With the board's other edges as they are, can the new dependencies lead back to the task?
    private static bool ClosesCycle(Guid taskId, IReadOnlyList<Guid> dependsOn, BoardTaskGraph board)
    {
        var seen = new HashSet<Guid>();
        var pending = new Stack<Guid>(dependsOn);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == taskId)
            {
                return true;
            }

            if (!seen.Add(current) || !board.Tasks.TryGetValue(current, out var node))
            {
                continue;
            }

            foreach (var next in node.DependsOn)
            {
                pending.Push(next);
            }
        }

        return false;
    }

    /// <summary>
    /// The change with its blocked facts settled: when it sets dependencies they are checked and
    /// the task's blocked state follows the new ones; otherwise the caller's facts stand. A done
    /// task is never blocked.
    /// </summary>
    private static ChangeTask WithDependencyFacts(TaskState task, ChangeTask command)
    {
        var change = command.Change;
        if (!change.SetsDependencies)
        {
            return command;
        }

        if (command.Actor is UserTaskActor && task.Status == TaskStatus.Done)
        {
            throw DomainError.Conflict("Cannot change task dependencies after a task is done.");
        }

        var board = command.Context.Board ?? throw new InvalidOperationException("A dependency change needs the board's tasks.");
        var dependsOn = ValidateDependencies(task.Id, change.DependsOnTaskIds, board);
        var blockedBy = task.Status == TaskStatus.Done ? [] : BlockedBy(dependsOn, board);
        return command with
        {
            Change = change with { DependsOnTaskIds = dependsOn },
            Context = command.Context with { IsBlocked = blockedBy.Count > 0, BlockedByTaskIds = blockedBy },
        };
    }
}
