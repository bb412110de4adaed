using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using MissionControl.ApiGateway.Authentication;
using MissionControl.Fakes;
using MissionControl.GrainInterfaces.Agents;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.GrainInterfaces.Gateways;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Agents.Provisioning;
using MissionControl.Grains.Security;
using MissionControl.OpenClaw.Resilience;
using MissionControl.ReadModels.Work;
using MissionControl.Silo.Hosting;
using MissionControl.Templates.Credentials;
using MissionControl.Testing;
using Orleans;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// The whole service over a fresh schema and a fake gateway, in multi-user (JWT) mode, with
/// short-cuts to set the scene through the grains: users and their clients, organizations,
/// gateways, boards and provisioned agents with the tokens read back from their workspaces.
/// Use it as a class fixture; give each test its own users (distinct subjects) to stay independent.
/// </summary>
public sealed class World : IAsyncLifetime
{
    private const string Issuer = "https://issuer.mission-control.test/";
    private const string Audience = "mission-control";

    private readonly SymmetricSecurityKey _signingKey = new(RandomNumberGenerator.GetBytes(32));
    private readonly TestDatabase _database = TestDatabase.Create();
    private WebApplicationFactory<Program> _app = null!;

    public FakeGateway Gateway { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public T Grain<T>(Guid id) where T : IGrainWithStringKey => Grains.GetGrain<T>(id.ToString());

    public async Task InitializeAsync()
    {
        Gateway = FakeGateway.Start();
        var settings = new Dictionary<string, string?> { ["AUTH_MODE"] = "jwt", ["JWT_AUTHORITY"] = Issuer, ["JWT_AUDIENCE"] = Audience };
        _app = new MissionControlFactory(_database, settings).WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<GatewayResilienceOptions>(FastClientSettings.Resilience);
            services.AddSingleton(FastNotices);
            services.PostConfigure<JwtBearerOptions>(AuthSchemes.User, jwt =>
            {
                var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
                metadata.SigningKeys.Add(_signingKey);
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            });
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<DatabaseReadiness>().WhenMigrated(timeout.Token);
    }

    /// <summary>Messages to agents tried twice, a moment apart, before a failure is recorded.</summary>
    public static readonly NoticeOptions FastNotices = new() { PollEvery = TimeSpan.FromMilliseconds(50), RetryAfter = [TimeSpan.FromMilliseconds(200)] };

    /// <summary>Waits until every message to agents that committed work called for has gone out or failed for good.</summary>
    public Task NoticesSentAsync() => Eventually.WaitUntil(
        async () => await Services.GetRequiredService<NoticeOutbox>().PendingAsync(CancellationToken.None) == 0,
        TimeSpan.FromSeconds(60), "the notice outbox is empty");

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await Gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient AnonymousClient() => _app.CreateClient();

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public HttpClient ClientFor(TestUser user)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Jwt(user));
        return client;
    }

    /// <summary>A client that sends an agent's token as <c>X-Agent-Token</c>.</summary>
    public HttpClient ClientFor(TestAgent agent)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Agent-Token", agent.Token);
        return client;
    }

    /// <summary>A new user, not yet seen by the service (their first request registers them).</summary>
    public static TestUser NewUser(string name = "user")
    {
        var subject = $"{name}-{Guid.NewGuid():N}";
        return new TestUser(subject, $"{subject}@mission-control.test", UserIds.FromSubject(subject));
    }

    /// <summary>A new organization owned by a new user, who is registered and works in it.</summary>
    public async Task<TestOrganization> NewOrganizationAsync(string name = "Acme")
    {
        var owner = NewUser("owner");
        await Grain<IUserGrain>(owner.Id).Ensure(new UserIdentity(owner.Subject, owner.Email, "Owner"));
        var organizationId = Guid.NewGuid();
        await Grain<IOrganizationGrain>(organizationId).Create(new NewOrganization(name, owner.Id, owner.Email));
        await Grain<IUserGrain>(owner.Id).SetActiveOrganization(organizationId);
        return new TestOrganization(organizationId, owner);
    }

    /// <summary>A registered user who is a member of <paramref name="organization"/> with the given role and access.</summary>
    public async Task<TestUser> AddMemberAsync(TestOrganization organization, string role, MemberAccess? access = null)
    {
        var user = NewUser(role);
        await Grain<IUserGrain>(user.Id).Ensure(new UserIdentity(user.Subject, user.Email, role));
        var invite = new NewInvite(Guid.NewGuid(), user.Email, InviteTokens.Hash(InviteTokens.Mint()), role, access ?? MemberAccess.None);
        var org = Grain<IOrganizationGrain>(organization.Id);
        await org.CreateInvite(organization.Owner.Id, invite);
        await org.ClaimInvite(user.Id, user.Email, invite.InviteId);
        await Grain<IUserGrain>(user.Id).SetActiveOrganization(organization.Id);
        return user;
    }

    /// <summary>A gateway on the fake, with its main agent provisioned.</summary>
    public async Task<Guid> NewGatewayAsync(TestOrganization organization, string name = "Fake")
    {
        var gatewayId = Guid.NewGuid();
        await Grain<IGatewayGrain>(gatewayId).Register(
            new NewGateway(organization.Id, name, Gateway.Url.ToString(), "/srv/workspaces") { Token = Gateway.Token });
        await Services.GetRequiredService<AgentPlacement>().EnsureGatewayMainAsync(gatewayId);
        return gatewayId;
    }

    /// <summary>A board on <paramref name="gatewayId"/> (a new gateway when null).</summary>
    public async Task<Guid> NewBoardAsync(TestOrganization organization, Guid? gatewayId = null, string name = "Board", WorkflowRules? rules = null)
    {
        var gateway = gatewayId ?? await NewGatewayAsync(organization);
        var boardId = Guid.NewGuid();
        await Grain<IBoardGrain>(boardId).Create(new NewBoard(organization.Id, name, "A board", gateway) { Rules = rules });
        return boardId;
    }

    /// <summary>A provisioned agent on a board, with the token it found in its workspace.</summary>
    public async Task<TestAgent> NewAgentAsync(Guid boardId, string name = "Walker", bool lead = false)
    {
        var board = await Grain<IBoardGrain>(boardId).Get();
        var agentId = lead ? await Services.GetRequiredService<AgentPlacement>().EnsureBoardLeadAsync(boardId) : Guid.NewGuid();
        var agent = Grain<IAgentGrain>(agentId);
        if (!lead)
            await agent.Register(new NewAgent(agentId, name, boardId, board.GatewayId));
        await Eventually.WaitUntil(async () => (await agent.Get())?.LastProvision is { Outcome: "completed" },
            TimeSpan.FromSeconds(30), "the agent is provisioned");
        var snapshot = (await agent.Get())!;
        return new TestAgent(agentId, boardId, ReadToken(snapshot.SessionKey));
    }

    /// <summary>The gateway-main agent of a gateway, with its token.</summary>
    public async Task<TestAgent> GatewayMainAsync(Guid gatewayId)
    {
        var agentId = await Services.GetRequiredService<AgentPlacement>().EnsureGatewayMainAsync(gatewayId);
        var agent = Grain<IAgentGrain>(agentId);
        await Eventually.WaitUntil(async () => (await agent.Get())?.LastProvision is { Outcome: "completed" },
            TimeSpan.FromSeconds(30), "the gateway-main agent is provisioned");
        return new TestAgent(agentId, null, ReadToken((await agent.Get())!.SessionKey));
    }

    // The session key is agent:<gateway agent id>:main; the workspace files live under that id.
    private string ReadToken(string sessionKey) =>
        CredentialsBlock.ReadAuthToken(Gateway.State.FilesOf(sessionKey.Split(':')[1])["AGENTS.md"])
        ?? throw new InvalidOperationException($"No token in the workspace of {sessionKey}");

    private string Jwt(TestUser user) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", user.Subject), new Claim("email", user.Email), new Claim("name", user.Subject)]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
    });
}

/// <summary>An operator known by their identity-provider subject.</summary>
public sealed record TestUser(string Subject, string Email, Guid Id);

/// <summary>An organization and its owner.</summary>
public sealed record TestOrganization(Guid Id, TestUser Owner);

/// <summary>A provisioned agent and the token from its workspace.</summary>
public sealed record TestAgent(Guid Id, Guid? BoardId, string Token);
