using MissionControl.OpenClaw.Identity;
using Npgsql;

namespace MissionControl.Silo.Infrastructure;

/// <summary>
/// Keeps each gateway's device key pair in PostgreSQL. Silos racing to create one converge on
/// whichever insert won, so every silo presents the same device.
/// </summary>
public sealed class PostgresDeviceIdentityStore(NpgsqlDataSource dataSource, TimeProvider clock) : IDeviceIdentityStore
{
    public async Task<DeviceIdentity> GetOrCreateAsync(string gatewayId, CancellationToken cancellationToken)
    {
        var candidate = DeviceIdentity.Generate(clock);
        // The no-op update makes a losing insert return the winner's row, locked and current;
        // "do nothing" plus a second select could miss a row committed after its snapshot.
        await using var command = dataSource.CreateCommand("""
            insert into gateway_device_identities (gateway_id, private_key, public_key, created_at)
            values ($1, $2, $3, $4)
            on conflict (gateway_id) do update set gateway_id = excluded.gateway_id
            returning private_key, public_key, created_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = gatewayId });
        command.Parameters.Add(new NpgsqlParameter { Value = candidate.PrivateKey });
        command.Parameters.Add(new NpgsqlParameter { Value = candidate.PublicKey });
        command.Parameters.Add(new NpgsqlParameter { Value = candidate.CreatedAt });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DeviceIdentity(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
