using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;

namespace MissionControl.Api.Tests;

/// <summary>Every response carries an <c>X-Request-Id</c>: the caller's, cleaned, or a fresh one.</summary>
public sealed class RequestIdTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_request_id_sent_by_the_caller_is_echoed()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Request-Id", "trace-42.a:b_c");

        var response = await client.SendAsync(request);

        Assert.Equal("trace-42.a:b_c", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Without_a_request_id_the_response_gets_a_fresh_one()
    {
        using var client = host.Client();

        var first = await client.GetAsync("/healthz");
        var second = await client.GetAsync("/healthz");

        var firstId = first.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", firstId);
        Assert.NotEqual(firstId, second.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task A_request_id_with_unsafe_characters_is_cleaned_and_cut_to_length()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "abc<script>" + new string('x', 500));

        var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        Assert.StartsWith("abcscript", echoed);
        Assert.Equal(128, echoed.Length);
    }

    [Fact]
    public async Task A_request_id_with_nothing_usable_is_replaced()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<<>>");

        var response = await client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Error_responses_echo_the_request_id_too()
    {
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/boom");
        request.Headers.Add("X-Request-Id", "failing-call-7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("failing-call-7", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("failing-call-7", (await response.JsonAsync()).GetProperty("request_id").GetString());
    }
}

/// <summary>Log lines written while serving a request carry its id as a field of their own.</summary>
public sealed class RequestIdLoggingTests
{
    [Fact]
    public async Task Given_a_request_that_fails_inside_When_the_error_is_logged_Then_the_entry_carries_the_requests_id_in_its_scope()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await ApiHost.StartAsync(null, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/boom");
        request.Headers.Add("X-Request-Id", "req-logged-7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = Assert.Single(logs.Entries, e => e.Category.EndsWith("ApiErrorMiddleware", StringComparison.Ordinal));
        Assert.Equal("req-logged-7", error.Scope["RequestId"]);
    }

    [Fact]
    public async Task Given_a_gateway_registered_When_the_service_connects_to_it_Then_the_connection_is_logged_with_the_gateway_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var gateway = MissionControl.Fakes.FakeGateway.Start();
        await using var host = await ApiHost.StartAsync(null, services => services
            .AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs)
            .AddSingleton<MissionControl.OpenClaw.Resilience.GatewayResilienceOptions>(MissionControl.Fakes.FastClientSettings.Resilience));
        using var client = host.UserClient();

        var created = await client.PostAsJsonAsync("/api/v1/gateways", new
        {
            name = "Logged", url = gateway.Url.ToString(), workspace_root = "/srv/logged", token = gateway.Token,
        });
        var gatewayId = await created.IdOfAsync();

        await Eventually.WaitUntil(() => Task.FromResult(logs.Entries.Any(e =>
                e.Category.EndsWith("GatewayRpcClient", StringComparison.Ordinal) && e.Message.Contains($"Connected to gateway {gatewayId}", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), "the gateway client logs its connection");
    }
}
