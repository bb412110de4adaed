using Microsoft.Extensions.DependencyInjection;
using MissionControl.Silo.Tests.TestGrains;
using Npgsql;

namespace MissionControl.Silo.Tests;

public sealed class ConnectionPoolTests
{
    [Fact]
    public async Task Given_a_statement_run_repeatedly_on_a_silo_connection_When_the_server_is_asked_Then_it_holds_the_statement_prepared()
    {
        await using var cluster = await SiloSetup.StartAsync(1);

        await using var connection = await cluster.Primary.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
            await ScalarAsync<int>(connection, "select $1::int + 1", i);

        Assert.Equal(1L, await ScalarAsync<long>(connection, "select count(*) from pg_prepared_statements where statement like 'select $1::int + 1%'"));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
