using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// The service over a fresh schema, plus the test-only endpoints of <see cref="TestEndpoints"/>,
/// an in-memory agent directory and a verifier that counts PBKDF2 checks. Use it as a class
/// fixture, or start one per test when a test needs its own settings or a clean limiter.
/// </summary>
public sealed class ApiHost : IAsyncLifetime, IAsyncDisposable
{
    private readonly IDictionary<string, string?>? _overrides;
    private readonly Action<IServiceCollection>? _configure;
    private TestDatabase? _database;
    private MissionControlFactory? _factory;
    private WebApplicationFactory<Program>? _app;

    public ApiHost()
        : this(null, null)
    {
    }

    private ApiHost(IDictionary<string, string?>? overrides, Action<IServiceCollection>? configure)
    {
        _overrides = overrides;
        _configure = configure;
    }

    public InMemoryAgentTokenDirectory Agents { get; } = new();

    public CountingTokenVerifier Verifier { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? overrides, Action<IServiceCollection>? configure = null)
    {
        var host = new ApiHost(overrides, configure);
        await host.InitializeAsync();
        return host;
    }

    public Task InitializeAsync()
    {
        _database = TestDatabase.Create();
        _factory = new MissionControlFactory(_database, _overrides);
        _app = _factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestEndpoints>();
            services.AddSingleton<IAgentTokenDirectory>(Agents);
            services.AddSingleton<IAgentTokenVerifier>(Verifier);
            _configure?.Invoke(services);
        }));
        _ = _app.Server; // start now, so a broken host fails here rather than in the first request
        return Task.CompletedTask;
    }

    public HttpClient Client() => _app!.CreateClient();

    /// <summary>A client that sends the local user token.</summary>
    public HttpClient UserClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", MissionControlFactory.LocalToken);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_factory is not null)
            await _factory.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
