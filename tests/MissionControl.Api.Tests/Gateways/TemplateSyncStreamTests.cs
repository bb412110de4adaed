using System.Net.ServerSentEvents;
using Microsoft.Extensions.Logging.Abstractions;
using MissionControl.ApiGateway.Apis.Gateways;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.OpenClaw;

namespace MissionControl.Api.Tests.Gateways;

/// <summary>
/// A followed sync whose run fails after the answer has started: the failure is the last frame's
/// error, in the service's words for a known failure and without internals for any other.
/// </summary>
public sealed class TemplateSyncStreamTests
{
    [Fact]
    public async Task Given_a_run_that_fails_on_a_domain_error_When_followed_Then_the_last_frame_is_a_result_naming_it()
    {
        var frames = await FollowAsync(new DomainException(DomainErrorKind.Conflict, "The roster is being rebuilt"));

        var last = Assert.Single(frames);
        Assert.Equal(TemplateSyncStream.ResultEvent, last.EventType);
        Assert.True(last.Data.Finished);
        var error = Assert.Single(last.Data.Result.Errors);
        Assert.Null(error.AgentId);
        Assert.Equal("The roster is being rebuilt", error.Message);
    }

    [Fact]
    public async Task Given_a_run_that_fails_unexpectedly_When_followed_Then_the_last_frame_says_so_without_the_exceptions_text()
    {
        var frames = await FollowAsync(new InvalidOperationException("connection string Password=hunter2"));

        var error = Assert.Single(Assert.Single(frames).Data.Result.Errors);
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("unexpected error", error.Message);
    }

    private static async Task<List<SseItem<GatewayTemplatesSyncProgress>>> FollowAsync(Exception failure)
    {
        // Only the surroundings and the roster are reached before the failure.
        var sync = new GatewayTemplateSync(null!, new FailingRoster(failure), new OneGateway(), null!);
        var frames = new List<SseItem<GatewayTemplatesSyncProgress>>();
        await foreach (var frame in TemplateSyncStream.Run(sync, Guid.NewGuid(), new TemplateSyncOptions(), NullLogger.Instance, CancellationToken.None))
            frames.Add(frame);
        return frames;
    }

    private sealed class FailingRoster(Exception failure) : IGatewayRoster
    {
        public Task<IReadOnlyList<RosterBoard>> BoardsAsync(Guid gatewayId, CancellationToken ct) => throw failure;

        public Task<IReadOnlyList<RosterAgent>> AgentsAsync(Guid gatewayId, CancellationToken ct) => throw failure;
    }

    private sealed class OneGateway : IAgentSurroundings
    {
        public Task<GatewayTarget?> FindGatewayAsync(Guid gatewayId, CancellationToken ct) =>
            Task.FromResult<GatewayTarget?>(new GatewayTarget(new GatewayClientOptions { GatewayId = gatewayId.ToString(), Url = new Uri("ws://127.0.0.1:1"), Token = "unused" }, "/srv"));

        public Task<AgentSurroundings> DescribeAsync(AgentState agent, CancellationToken ct) => throw new NotSupportedException();
    }
}
