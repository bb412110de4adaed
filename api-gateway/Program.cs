using MissionControl.ApiGateway;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Apis.Agents;
using MissionControl.ApiGateway.Apis.Boards;
using MissionControl.ApiGateway.Apis.Gateways;
using MissionControl.ApiGateway.Apis.History;
using MissionControl.ApiGateway.Apis.Inbox;
using MissionControl.ApiGateway.Apis.Organizations;
using MissionControl.ApiGateway.Apis.Service;
using MissionControl.ApiGateway.Apis.Users;
using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.ApiGateway.Apis.Work;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Configuration;
using MissionControl.ApiGateway.Dashboard;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.Silo.Cluster;
using MissionControl.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Every part is read even when an earlier one is bad, so one start names every bad variable.
var problems = new ConfigurationProblems();
var settings = problems.Read<ServiceSettings?>(() => ServiceSettings.FromConfiguration(builder.Configuration), null);
var cluster = problems.Read(() => ClusterConfiguration.FromConfiguration(builder.Configuration), new ClusterSettings());
var limits = problems.Read<ApiLimits?>(() => ApiLimits.FromConfiguration(builder.Configuration), null);
// With bad service settings the agent settings are still read, to name their problems too.
var agents = problems.Read(() => LifecycleSettings.FromConfiguration(builder.Configuration, settings?.BaseUrl ?? new Uri("http://localhost/")), null);
var inbox = problems.Read(() => InboxSettings.FromConfiguration(builder.Configuration), null);
problems.Run(() => LogFormat.Apply(builder.Logging, builder.Configuration));
if (problems.All.Count > 0 || settings is null || limits is null || agents is null || inbox is null)
{
    foreach (var problem in problems.All)
        Console.Error.WriteLine($"Mission Control cannot start: {problem.Message}.");
    return 1;
}

builder.Services.AddSingleton(settings);
builder.Services.AddMissionControlSilo(settings.ConnectionString, silo => silo.AddMissionControlGrains(agents, inbox));
builder.UseOrleans(silo => silo
    .UseMissionControlCluster(settings.ConnectionString, cluster)
    .AddMissionControlClusterDashboard(settings));
builder.Services.AddMissionControlHttp(limits);
builder.Services.AddMissionControlHealthChecks();
builder.Services.AddMissionControlAuthentication(settings);
builder.Services.AddMissionControlAccess();
builder.Services.AddMissionControlValidation();
builder.Services.AddMissionControlOpenApi();
builder.Services.AddMissionControlMetrics();
builder.Services.AddMissionControlDashboard(settings);

var app = builder.Build();
app.UseMissionControlHttp();
app.UseMissionControlDashboard();
app.MapMissionControlOpenApi();
app.MapHealthApi();
app.MapMissionControlMetrics();
app.MapMissionControlClusterDashboard(settings);
// A body with a validator is checked by it before the handler runs (PATCH bodies read as raw
// JSON are checked once read, first thing in their handlers).
var api = app.MapGroup("").AddEndpointFilterFactory(RequestValidation.Filter);
api.MapSystemApi();
api.MapAgentSelfApi();
api.MapUsersApi();
api.MapOrganizationsApi();
api.MapGatewaysApi();
api.MapBoardsApi();
api.MapAgentsApi();
api.MapBoardWorkApi();
api.MapGatewayInboxApi();
api.MapAgentInboxApi();
api.MapHistoryApi();
app.Run();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
