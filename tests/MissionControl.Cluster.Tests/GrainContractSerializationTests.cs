using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Cluster.Tests.Support;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.Testing;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace MissionControl.Cluster.Tests;

/// <summary>
/// Every value a grain method takes or returns, and every value inside those, has a serializer on
/// a silo of the cluster, so each grain can move onto Orleans without a value that cannot cross.
/// </summary>
public sealed class GrainContractSerializationTests
{
    [Fact]
    public async Task Given_every_grain_contract_When_its_values_are_looked_up_Then_each_has_an_orleans_codec()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var codecs = silo.Services.GetRequiredService<ICodecProvider>();
        var values = ContractValues(typeof(IAgentGrain).Assembly);

        var missing = values.Where(type => codecs.TryGetCodec(type) is null).Select(type => type.FullName).Order().ToList();

        Assert.True(values.Count > 40, $"only {values.Count} contract values found");
        Assert.True(missing.Count == 0, "no codec for: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Given_every_grain_contract_filled_in_When_it_crosses_a_grain_call_Then_every_field_arrives()
    {
        await using var database = TestDatabase.Create();
        await using var silo = await ClusterSilo.StartAsync(database);
        var serializer = silo.Services.GetRequiredService<Serializer>();

        var lost = new List<string>();
        foreach (var type in ContractValues(typeof(IAgentGrain).Assembly).Where(t => !t.IsAbstract && !t.IsEnum))
        {
            var value = SampleValues.Of(type);
            var copy = serializer.Deserialize<object>(serializer.SerializeToArray<object>(value));
            if (JsonSerializer.Serialize(copy, type) != JsonSerializer.Serialize(value, type))
                lost.Add(type.FullName!);
        }

        Assert.True(lost.Count == 0, "fields lost on the way: " + string.Join(", ", lost));
    }

    // Our own types reachable from the grain interfaces' methods, through properties and type arguments.
    private static HashSet<Type> ContractValues(Assembly contracts)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(contracts.GetTypes()
            .Where(t => t.IsInterface && t.Namespace?.StartsWith("MissionControl.GrainInterfaces", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        while (pending.TryPop(out var type))
        {
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                    pending.Push(argument);
                continue;
            }
            if (type.Namespace?.StartsWith("MissionControl", StringComparison.Ordinal) != true || !found.Add(type))
                continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                pending.Push(property.PropertyType);
            // A value may be any type derived from the declared one, nested in it or not.
            foreach (var derived in type.GetNestedTypes().Concat(contracts.GetTypes()).Where(n => n.IsSubclassOf(type)).Distinct())
                pending.Push(derived);
        }
        return found;
    }
}
