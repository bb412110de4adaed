using MissionControl.Silo.Persistence;
using Npgsql;

namespace MissionControl.Silo.Tests;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void Given_a_full_url_When_converted_Then_every_part_is_kept()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            DatabaseUrl.ToConnectionString("postgresql://mc%40ops:p%3Ass@db.internal:6543/mission?sslmode=require&schema=mc"));

        Assert.Equal(("db.internal", 6543, "mission"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(("mc@ops", "p:ss"), (builder.Username, builder.Password));
        Assert.Equal((SslMode.Require, "mc"), (builder.SslMode, builder.SearchPath));
    }

    [Fact]
    public void Given_no_port_When_converted_Then_the_postgres_default_is_used()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://u@localhost/db"));

        Assert.Equal((5432, "u"), (builder.Port, builder.Username));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("mysql://u@h/db")]
    [InlineData("postgresql://u@h:5432/")]
    [InlineData("postgresql://u@h/db?colour=blue")]
    public void Given_a_bad_url_When_converted_Then_it_is_refused(string url)
    {
        Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(url));
    }
}
