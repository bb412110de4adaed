using Microsoft.Extensions.DependencyInjection;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Tasks;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;
using MissionControl.ReadModels.Work;
using MissionControl.Testing;

namespace MissionControl.Integration.Tests.Lifecycle;

public sealed class DependencyRaceTests
{
    [Fact]
    public async Task Given_two_tasks_When_two_silos_make_each_depend_on_the_other_at_once_Then_exactly_one_edit_wins_and_the_other_is_a_conflict()
    {
        await using var gateway = FakeGateway.Start();
        await using var cluster = await DomainCluster.StartAsync(silos: 2);
        var organizationId = await cluster.OrganizationAsync();
        var boardId = await cluster.BoardAsync(organizationId, await cluster.GatewayAsync(gateway, organizationId));
        var user = new WorkActor.User(Guid.NewGuid(), "Ada");

        for (var round = 0; round < 5; round++)
        {
            var (a, b) = (await CreateAsync(cluster, boardId, user, $"a{round}"), await CreateAsync(cluster, boardId, user, $"b{round}"));

            var outcomes = await Task.WhenAll(
                TryDependAsync(cluster.Silos[0], boardId, a, on: b, user),
                TryDependAsync(cluster.Silos[1], boardId, b, on: a, user));

            Assert.Single(outcomes, won => won);
            var graph = await cluster.Service<TaskDependencyQueries>().GraphAsync(boardId);
            Assert.Equal(1, graph.Tasks[a].DependsOn.Count + graph.Tasks[b].DependsOn.Count);
        }
    }

    private static async Task<Guid> CreateAsync(TestCluster cluster, Guid boardId, WorkActor actor, string title)
    {
        var board = (await cluster.Service<BoardQueries>().GetAsync(boardId))!;
        var created = await cluster.Service<TaskWork>().CreateAsync(board, actor, new NewTask(boardId, title), null, CancellationToken.None);
        return created.Id;
    }

    // True when the edit was made; false when it was refused for closing a cycle.
    private static async Task<bool> TryDependAsync(TestSilo silo, Guid boardId, Guid taskId, Guid on, WorkActor actor)
    {
        var board = (await silo.Services.GetRequiredService<BoardQueries>().GetAsync(boardId))!;
        var task = (await silo.Services.GetRequiredService<TaskQueries>().GetAsync(taskId))!;
        var edit = new TaskEdit { SetsDependencies = true, DependsOnTaskIds = [on] };
        try
        {
            await silo.Services.GetRequiredService<TaskWork>().ChangeAsync(board, task, actor, edit, null, CancellationToken.None);
            return true;
        }
        catch (DomainException refused) when (refused.Kind == DomainErrorKind.Conflict)
        {
            return false;
        }
    }
}
