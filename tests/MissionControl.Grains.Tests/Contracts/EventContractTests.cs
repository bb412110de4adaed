using System.Reflection;
using System.Text.Json;
using MissionControl.Grains.Agents;
using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Gateways.Events;
using MissionControl.Grains.Organizations.Events;
using MissionControl.Grains.Tasks.Events;
using MissionControl.Grains.Users;
using MissionControl.Grains.Users.Events;
using MissionControl.Grains.Tests.Agents;
using MissionControl.Runtime;

namespace MissionControl.Grains.Tests.Contracts;

public class EventContractTests
{
    private static readonly Type[] EventBases =
        [typeof(AgentEvent), typeof(OrganizationEvent), typeof(BoardEvent), typeof(GatewayEvent), typeof(TaskEvent), typeof(UserEvent)];

    private static IEnumerable<Type> ConcreteEvents() =>
        typeof(AgentEvent).Assembly.GetTypes().Where(type => !type.IsAbstract && EventBases.Any(b => b.IsAssignableFrom(type)));

    [Fact]
    public void Given_all_event_types_When_inspected_Then_each_is_sealed_and_named()
    {
        var events = ConcreteEvents().ToList();

        Assert.True(events.Count >= 35, $"expected every event to be found, found {events.Count}");
        Assert.All(events, type =>
        {
            Assert.True(type.IsSealed, $"{type.Name} must be sealed");
            Assert.NotNull(type.GetCustomAttribute<EventNameAttribute>());
        });
    }

    [Fact]
    public void Given_every_named_event_type_When_its_family_is_looked_up_Then_it_is_one_these_tests_cover()
    {
        var named = typeof(AgentEvent).Assembly.GetTypes().Where(type => type.GetCustomAttribute<EventNameAttribute>() is not null).ToList();

        Assert.Contains(named, type => type == typeof(UserRegistered));
        Assert.All(named, type => Assert.True(EventBases.Any(b => b.IsAssignableFrom(type)), $"{type.Name} belongs to no event family listed here"));
    }

    [Fact]
    public void Given_all_event_types_When_names_compared_Then_unique_and_prefixed_by_entity()
    {
        var names = ConcreteEvents().Select(type => type.GetCustomAttribute<EventNameAttribute>()!.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^(agent|organization|board|gateway|task|user)\\.[a-z_]+$", name));
    }

    [Fact]
    public void Given_agent_events_of_a_full_lifecycle_When_round_tripped_through_json_Then_unchanged()
    {
        var spec = AgentSpec.OnlineWorker(AgentSpec.T0.AddMinutes(1));
        var history = new List<AgentEvent>();
        history.AddRange(AgentDecider.Decide(null, AgentSpec.CreateWorker()));
        history.AddRange(spec.When(new UpdateAgent(AgentSpec.NewTokenHash, AgentSpec.T0.AddMinutes(2)) { Name = "N", IsGatewayMain = true }));
        history.AddRange(spec.When(new RecordProvisionStep(2, "agents.update", "x", "ok", AgentSpec.T0.AddMinutes(2))));
        history.AddRange(spec.When(new FailProvisioning(2, "boom", AgentSpec.T0.AddMinutes(3))));
        history.AddRange(spec.When(new RecordHeartbeat(AgentSpec.T0.AddMinutes(4))));
        history.AddRange(spec.When(new CheckLiveness(AgentSpec.T0.AddHours(1))));
        history.AddRange(spec.When(new StartDeletion(AgentSpec.T0.AddHours(2))));
        history.AddRange(spec.When(new FailDeletion("gw down", AgentSpec.T0.AddHours(2))));
        history.AddRange(spec.When(new CompleteDeletion(AgentSpec.T0.AddHours(3))));

        Assert.True(history.Count >= 10);
        Assert.All(history, AssertRoundTrips);
    }

    [Fact]
    public void Given_agent_state_When_snapshotted_and_restored_Then_same_json_and_same_heartbeat_config()
    {
        var state = AgentSpec.NewWorker()
            .Given(new RecordProvisionStep(1, "x", "y", "z", AgentSpec.T0), new CompleteProvisioning(1, true, AgentSpec.T0))
            .Agent;
        var json = JsonSerializer.Serialize(state);

        var restored = JsonSerializer.Deserialize<AgentState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(restored));
        Assert.Equal("10m", restored.HeartbeatConfig["every"].GetString());
        Assert.DoesNotContain("IsGatewayMain", json);
    }

    [Fact]
    public void Given_user_events_When_round_tripped_through_json_Then_unchanged()
    {
        var at = AgentSpec.T0;
        UserEvent[] history =
        [
            new UserRegistered(Guid.NewGuid(), "local:operator", "op@example.test", "Operator", at),
            new UserProfileUpdated(new UserProfile(Name: "Op", PreferredName: "O", Timezone: "Europe/Paris"), at.AddMinutes(1)),
            new UserActiveOrganizationSet(Guid.NewGuid(), at.AddMinutes(2)),
            new UserDeleted(at.AddMinutes(3)),
        ];

        Assert.All(history, AssertRoundTrips);
    }

    private static void AssertRoundTrips(object evt)
    {
        var type = evt.GetType();
        var json = JsonSerializer.Serialize(evt, type);
        var restored = JsonSerializer.Deserialize(json, type)!;
        Assert.Equal(json, JsonSerializer.Serialize(restored, type));
    }
}
