using Npgsql;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;

namespace MissionControl.Cluster.TestSilo;

/// <summary>Says which silo its activation lives on. Placed at random, so activations spread.</summary>
public interface IPlacedGrain : IGrainWithStringKey
{
    Task<string> Silo();
}

[RandomPlacement]
public sealed class PlacedGrain(ILocalSiloDetails silo) : Grain, IPlacedGrain
{
    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());
}

/// <summary>Arms a reminder and records each firing, with the silo it fired on, in the database.</summary>
public interface IAlarmGrain : IGrainWithStringKey
{
    Task Arm(TimeSpan due, TimeSpan period);
}

[RandomPlacement]
public sealed class AlarmGrain(NpgsqlDataSource database, ILocalSiloDetails silo) : Grain, IAlarmGrain, IRemindable
{
    public const string ReminderName = "alarm";

    public Task Arm(TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, due, period);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await using var command = database.CreateCommand("insert into reminder_firings (grain, silo) values ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = this.GetPrimaryKeyString() });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.SiloAddress.ToString() });
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Tells who its caller said is acting, as grains see it when they append events.</summary>
public interface ICallContextGrain : IGrainWithStringKey
{
    Task<string?[]> Seen();
}

[RandomPlacement]
public sealed class CallContextGrain : Grain, ICallContextGrain
{
    public Task<string?[]> Seen()
    {
        var metadata = MissionControl.Runtime.CallContext.Metadata;
        return Task.FromResult(new[] { metadata.CausedBy, metadata.CorrelationId });
    }
}
