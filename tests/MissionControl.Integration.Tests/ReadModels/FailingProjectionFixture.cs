using MissionControl.Grains.Agents.Events;
using MissionControl.Runtime;
using MissionControl.Silo.EventStore;
using MissionControl.Silo.Hosting;
using Npgsql;

namespace MissionControl.Integration.Tests.ReadModels;

/// <summary>The read models plus, after them, a projection that fails on agents named <see cref="Doomed"/>.</summary>
public sealed class FailingProjectionFixture : ReadModelFixture
{
    public const string Doomed = "doomed";

    protected override void Configure(SiloBuilder silo) => silo.AddProjection<FailingProjection>();

    private sealed class FailingProjection : IInlineProjection
    {
        public bool Handles(Type eventType) => eventType == typeof(AgentCreated) || eventType == typeof(AgentProfileUpdated);

        public Task ApplyAsync(NpgsqlConnection connection, RecordedEvent recorded, CancellationToken ct) =>
            recorded.Data is AgentCreated { Name: Doomed } or AgentProfileUpdated { Name: Doomed }
                ? throw new InvalidOperationException("projection failed on purpose")
                : Task.CompletedTask;
    }
}
