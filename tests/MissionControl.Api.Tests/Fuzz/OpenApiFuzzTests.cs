using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using Npgsql;

namespace MissionControl.Api.Tests.Fuzz;

/// <summary>
/// Every operation of the OpenAPI document, fed the bad inputs of <see cref="BadInputs"/>: each is
/// answered with a 4xx, and nothing stored changes (no event appended, no grain state written).
/// </summary>
public sealed class OpenApiFuzzTests(World world) : IClassFixture<World>
{
    // Served to anyone, and reading nothing of anybody's.
    private static readonly string[] PublicOperations = ["GET /health", "GET /healthz", "GET /readyz", "GET /openapi.json"];

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_and_changes_nothing()
    {
        var scene = await SceneAsync();
        var operations = await OpenApiOperations.ReadAsync(world.AnonymousClient());
        var failures = new List<string>();
        var sent = 0;
        var stored = await QuietStoredStateAsync();

        foreach (var operation in operations.Where(operation => !PublicOperations.Contains(operation.ToString())))
        {
            foreach (var request in BadInputs.For(operation, scene))
            {
                var status = await SendAsync(request);
                sent++;
                if (status is < 400 or > 499)
                    failures.Add($"{operation} with {request.What}: {status}");
                var after = await StoredStateAsync();
                if (after != stored)
                    failures.Add($"{operation} with {request.What}: stored state changed ({stored} -> {after})");
                stored = after;
            }
        }

        Assert.True(operations.Count > 80, $"the document lists {operations.Count} operations");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not refused cleanly:\n{string.Join('\n', failures)}");
    }

    private static async Task<int> SendAsync(BadRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url) { Content = request.Body };
        // Streams answer their headers at once; a refused request answers in full.
        using var response = await request.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        return (int)response.StatusCode;
    }

    /// <summary>Events appended and grain-state versions written so far, once nothing is still settling.</summary>
    private async Task<string> QuietStoredStateAsync()
    {
        var last = await StoredStateAsync();
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(500);
            var now = await StoredStateAsync();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }

        return last;
    }

    private async Task<string> StoredStateAsync()
    {
        await using var command = world.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select (select count(*) from mt_events)::text || ' events, ' || (select coalesce(sum(version), 0) from orleans_grain_state)::text || ' state writes'");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<FuzzScene> SceneAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        var main = await world.GatewayMainAsync(gatewayId);
        var boardId = await world.NewBoardAsync(organization, gatewayId);
        var worker = await world.NewAgentAsync(boardId);
        var lead = await world.NewAgentAsync(boardId, lead: true);
        var owner = world.ClientFor(organization.Owner);
        var taskId = await (await owner.PostAsJsonAsync($"/api/v1/boards/{boardId}/tasks", new { title = "Fuzzed" })).IdOfAsync();
        foreach (var agent in (TestAgent[])[main, worker, lead])
            await world.ClientFor(agent).PostAsJsonAsync("/api/v1/agent/heartbeat", new { status = "online" });

        var ids = new Dictionary<string, string>
        {
            ["board"] = boardId.ToString(),
            ["task"] = taskId.ToString(),
            ["agent"] = worker.Id.ToString(),
            ["gateway"] = gatewayId.ToString(),
            ["session"] = Uri.EscapeDataString($"agent:mc-gateway-{gatewayId}:main"),
            ["organization"] = organization.Id.ToString(),
            ["member"] = organization.Owner.Id.ToString(),
            ["user"] = organization.Owner.Id.ToString(),
        };
        return new FuzzScene(owner, world.ClientFor(worker), world.ClientFor(lead), world.ClientFor(main), world.AnonymousClient, ids);
    }
}
