using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Cluster;

public sealed class SystemStatusApiTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task Given_an_admin_When_the_status_is_read_Then_it_lists_this_silo_active_with_the_version()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var status = await Status.ReadAsync(client);

        var silo = Assert.Single(status.Silos);
        Assert.Equal("active", silo.Status);
        Assert.Equal(status.AnsweredBy, $"{silo.Address}:{silo.SiloPort}@{silo.Generation}");
        Assert.NotNull(silo.GatewayPort);
        Assert.True(silo.LastHeartbeatAt >= silo.StartedAt);
        Assert.Equal("mission-control", status.ClusterId);
        Assert.False(string.IsNullOrWhiteSpace(status.Version));
    }

    [Fact]
    public async Task Given_a_member_who_is_not_an_admin_When_the_status_is_read_Then_403()
    {
        var organization = await world.NewOrganizationAsync();
        var member = await world.AddMemberAsync(organization, "member");
        using var client = world.ClientFor(member);

        var response = await client.GetAsync("/api/v1/system/status");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Given_no_credentials_When_the_status_is_read_Then_401()
    {
        using var client = world.AnonymousClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/system/status")).StatusCode);
    }
}

/// <summary>The status body, read with the API's snake_case names.</summary>
internal sealed record Status(string Version, string ClusterId, string ServiceId, string AnsweredBy, List<SiloStatusRow> Silos)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public const string Route = "/api/v1/system/status";

    /// <summary>The cluster as <paramref name="client"/>'s process answers it (the client must be an admin).</summary>
    public static async Task<Status> ReadAsync(HttpClient client) => (await client.GetFromJsonAsync<Status>(Route, Json))!;
}

internal sealed record SiloStatusRow(
    string Address, int SiloPort, int? GatewayPort, int Generation, string Name, string HostName, string Status,
    DateTimeOffset StartedAt, DateTimeOffset LastHeartbeatAt, List<string> SuspectedBy);
