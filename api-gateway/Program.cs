using MissionControl.ApiGateway;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis;
using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Configuration;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

ServiceSettings settings;
ClusterSettings cluster;
ApiLimits limits;
MissionControl.Grains.Agents.AgentOptions agents;
MissionControl.Grains.Agents.Inbox.InboxOptions inbox;
try
{
    settings = ServiceSettings.FromConfiguration(builder.Configuration);
    cluster = ClusterConfiguration.FromConfiguration(builder.Configuration);
    limits = ApiLimits.FromConfiguration(builder.Configuration);
    agents = LifecycleSettings.FromConfiguration(builder.Configuration, settings);
    inbox = InboxSettings.FromConfiguration(builder.Configuration);
    LogFormat.Apply(builder.Logging, builder.Configuration);
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine($"Mission Control cannot start: {ex.Message}.");
    return 1;
}

builder.Services.AddSingleton(settings);
builder.Services.AddMissionControlSilo(settings.ConnectionString, silo => silo.AddMissionControlGrains(agents, inbox));
builder.UseOrleans(silo => silo
    .UseMissionControlCluster(settings.ConnectionString, cluster)
    .AddMissionControlClusterDashboard(settings));
builder.Services.AddMissionControlHttp(limits);
builder.Services.AddMissionControlAuthentication(settings);
builder.Services.AddMissionControlAccess();
builder.Services.AddMissionControlOpenApi();
builder.Services.AddMissionControlMetrics();

var app = builder.Build();
app.UseMissionControlHttp();
app.MapMissionControlOpenApi();
app.MapHealthApi();
app.MapMissionControlMetrics();
app.MapMissionControlClusterDashboard(settings);
app.MapSystemApi();
app.MapAgentSelfApi();
app.MapUsersApi();
app.MapOrganizationsApi();
app.MapGatewaysApi();
app.MapBoardsApi();
app.MapAgentsApi();
app.MapBoardWorkApi();
app.MapGatewayInboxApi();
app.MapAgentInboxApi();
app.MapHistoryApi();
app.Run();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
