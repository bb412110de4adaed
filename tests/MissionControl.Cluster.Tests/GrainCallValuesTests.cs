using Microsoft.Extensions.DependencyInjection;
using MissionControl.Cluster.Tests.Support;
using MissionControl.Grains.Common;
using MissionControl.OpenClaw.Errors;
using MissionControl.OpenClaw.Heartbeats;
using MissionControl.Runtime;
using MissionControl.Testing;
using Orleans.Serialization;

namespace MissionControl.Cluster.Tests;

/// <summary>Values that cross grain calls arrive whole, through the serializer a silo is configured with.</summary>
public sealed class GrainCallValuesTests
{
    [Fact]
    public async Task Given_the_gateway_clients_heartbeat_values_When_they_cross_a_grain_call_Then_every_field_arrives()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var entry = new AgentHeartbeat("mc-a", new HeartbeatSettings
        {
            Every = "7m", Target = "none", LightContext = true, TimeoutSeconds = 30,
            ActiveHours = new HeartbeatActiveHours("08:00", "18:00", "Europe/Paris"),
        }, "/srv/ws/a");
        var result = new HeartbeatPatchResult(true, "hmac-sha256:v1:abc", ["agents.entries.mc-a.heartbeat"], 2);

        var entryBack = serializer.Deserialize<AgentHeartbeat>(serializer.SerializeToArray(entry));
        var resultBack = serializer.Deserialize<HeartbeatPatchResult>(serializer.SerializeToArray(result))!;

        Assert.Equal(entry, entryBack);
        Assert.Equal((result.Patched, result.Hash, result.Rounds), (resultBack.Patched, resultBack.Hash, resultBack.Rounds));
        Assert.Equal(result.ChangedPaths, resultBack.ChangedPaths);
    }

    [Fact]
    public async Task Given_a_gateway_error_When_it_crosses_a_grain_call_Then_it_keeps_its_kind_and_codes()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var error = new GatewayException(GatewayErrorKind.MissingScope, "missing scope: operator.admin", isTransient: false)
        {
            Method = "config.patch", GatewayCode = "FORBIDDEN", DetailsCode = "MISSING_SCOPE",
            GatewayMessage = "missing scope: operator.admin", RetryAfter = TimeSpan.FromMilliseconds(50), MissingScope = "operator.admin",
        };

        var back = Assert.IsType<GatewayException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error)));

        Assert.Equal(
            (error.Kind, error.Message, error.IsTransient, error.Method, error.GatewayCode, error.DetailsCode, error.GatewayMessage, error.RetryAfter, error.MissingScope),
            (back.Kind, back.Message, back.IsTransient, back.Method, back.GatewayCode, back.DetailsCode, back.GatewayMessage, back.RetryAfter, back.MissingScope));
    }

    [Fact]
    public async Task Given_a_domain_error_with_fields_When_it_crosses_a_grain_call_Then_it_maps_to_the_same_answer()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var blockedBy = new List<Guid> { Guid.NewGuid(), Guid.NewGuid() };
        var error = new DomainException(DomainErrorKind.Conflict, "Task is blocked by incomplete dependencies.", "task_blocked")
        {
            Fields = new Dictionary<string, object> { ["blocked_by_task_ids"] = blockedBy },
        };

        var back = Assert.IsType<DomainException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error)));

        Assert.Equal((error.Kind, error.Detail, error.Code, error.HttpStatus), (back.Kind, back.Detail, back.Code, back.HttpStatus));
        Assert.Equal(blockedBy, Assert.IsType<List<Guid>>(back.Fields!["blocked_by_task_ids"]));
    }

    [Fact]
    public async Task Given_a_lost_append_race_When_it_crosses_a_grain_call_Then_it_is_still_a_conflict_with_its_versions()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var error = new ConcurrencyException("agent-42", expectedVersion: 7, actualVersion: 9);

        var back = Assert.IsType<ConcurrencyException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(error)));

        Assert.Equal((error.StreamId, error.ExpectedVersion, error.ActualVersion, error.Message), (back.StreamId, back.ExpectedVersion, back.ActualVersion, back.Message));
    }
}
