using System.Net;
using MissionControl.Fakes;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// A running service (its own process, on a fresh schema, its first user signed up) and a fake
/// gateway, for clients that talk to it as people do: the command line and the browser.
/// </summary>
public sealed class LiveService : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ServiceGroup? _services;

    public FakeGateway Gateway { get; } = FakeGateway.Start();

    public ServiceProcess Service => _services![0];

    /// <summary>A home directory of the fixture's own, so no command line run reads a real user's config file.</summary>
    public string Home { get; } = Directory.CreateTempSubdirectory("mc-live-home-").FullName;

    public async Task InitializeAsync()
    {
        _services = await ServiceGroup.StartAsync(1);
        using var admin = Service.Client(asUser: true);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/auth/bootstrap", null)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await Gateway.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }

    /// <summary>The token the agent's workspace holds, once it has been provisioned and woken.</summary>
    public async Task<string> AgentTokenAsync(Guid agentId)
    {
        await Eventually.WaitUntil(() => Gateway.State.Chats.Any(chat => chat.SessionKey == $"agent:mc-{agentId}:main"),
            Patience, "the agent is provisioned and woken");
        return CredentialsBlock.ReadAuthToken(Gateway.State.FilesOf($"mc-{agentId}")["AGENTS.md"])!;
    }
}
