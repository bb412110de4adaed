using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MissionControl.Api.Tests.Support;
using MissionControl.Testing;
using Xunit.Abstractions;

namespace MissionControl.Api.Tests.Cluster;

/// <summary>Fault: the database restarts under a service that is taking writes.</summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Given_writes_in_flight_When_the_database_restarts_Then_the_service_answers_503_with_a_detail_meanwhile_recovers_by_itself_and_keeps_every_acknowledged_write()
    {
        await using var postgres = await DedicatedPostgres.StartAsync();
        await using var service = ServiceProcess.Start(postgres.Url);
        await service.WaitUntilListeningAsync(Patience);
        using var client = service.Client(asUser: true);
        await Eventually.WaitUntil(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, Patience, "the service is ready");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
        await using var writer = Writer.Start(client);
        await writer.WaitForAsync(HttpStatusCode.OK, afterCount: 0, times: 20);

        await postgres.StopAsync();
        var stoppedAt = writer.Count;
        var outage = await ReadinessAsync(client, HttpStatusCode.ServiceUnavailable);
        var refused = await writer.WaitForAsync(HttpStatusCode.ServiceUnavailable, afterCount: stoppedAt);
        await postgres.StartAgainAsync();
        var restartedAt = writer.Count;
        await ReadinessAsync(client, HttpStatusCode.OK);
        await writer.WaitForAsync(HttpStatusCode.OK, afterCount: restartedAt, times: 20);
        var answers = await writer.StopAsync();
        var listed = (await client.GetFromJsonAsync<List<Membership>>("/api/v1/organizations/me/list"))!.Select(m => m.Name).ToHashSet();

        var acknowledged = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Name).ToList();
        FaultReport.Write(output.WriteLine,
            $"database restart: {answers.Count} writes, {acknowledged.Count} acknowledged (all found afterwards: {acknowledged.All(listed.Contains)}), " +
            $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503, {answers.Count(a => a.Status is null)} without an answer, " +
            $"other statuses: {answers.Count(a => a.Status is { } s && s != HttpStatusCode.OK && s != HttpStatusCode.ServiceUnavailable)}; " +
            $"503 details: {string.Join(" | ", answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).Select(a => a.Detail).Distinct())}");
        Assert.Equal("database unreachable", outage.Detail);
        Assert.False(string.IsNullOrWhiteSpace(refused.Detail));
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Name}: {a.Status} {a.Detail}"));
        Assert.All(acknowledged, name => Assert.Contains(name, listed));
    }

    private static async Task<ErrorBody> ReadinessAsync(HttpClient client, HttpStatusCode wanted)
    {
        ErrorBody body = new(null);
        await Eventually.WaitUntil(async () =>
        {
            var response = await client.GetAsync("/readyz");
            body = await response.Content.ReadFromJsonAsync<ErrorBody>() ?? new ErrorBody(null);
            return response.StatusCode == wanted;
        }, Patience, $"/readyz answers {(int)wanted}");
        return body;
    }

    private sealed record ErrorBody(string? Detail);

    private sealed record Membership(string Name);

    private sealed record Answer(string Name, HttpStatusCode? Status, string? Detail);

    /// <summary>Creates organizations with fresh names one after another, keeping every answer.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Answer> _answers = new();
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public int Count => _answers.Count;

        public static Writer Start(HttpClient client)
        {
            var writer = new Writer();
            writer._loop = Task.Run(() => writer.RunAsync(client));
            return writer;
        }

        /// <summary>The first answer with <paramref name="status"/> after the first <paramref name="afterCount"/>, once there are <paramref name="times"/> of them.</summary>
        public async Task<Answer> WaitForAsync(HttpStatusCode status, int afterCount, int times = 1)
        {
            await Eventually.WaitUntil(() => Task.FromResult(_answers.Skip(afterCount).Count(a => a.Status == status) >= times),
                Patience, $"{times} writes answered {(int)status}");
            return _answers.Skip(afterCount).First(a => a.Status == status);
        }

        public async Task<List<Answer>> StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            return [.. _answers];
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        private async Task RunAsync(HttpClient client)
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var name = $"Restart {i} {Guid.NewGuid():N}";
                try
                {
                    var response = await client.PostAsJsonAsync("/api/v1/organizations", new { name });
                    var detail = response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<ErrorBody>())?.Detail;
                    _answers.Enqueue(new Answer(name, response.StatusCode, detail));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    _answers.Enqueue(new Answer(name, null, ex.Message));
                }
                await Task.Delay(20);
            }
        }
    }
}
