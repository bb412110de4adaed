using MissionControl.ApiGateway;
using MissionControl.ApiGateway.Apis;
using MissionControl.ApiGateway.Configuration;
using MissionControl.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

ServiceSettings settings;
try
{
    settings = ServiceSettings.FromConfiguration(builder.Configuration);
}
catch (ConfigurationException ex)
{
    Console.Error.WriteLine($"Mission Control cannot start: {ex.Message}.");
    return 1;
}

builder.Services.AddSingleton(settings);
builder.Services.AddMissionControlSilo(settings.ConnectionString, silo => silo.AddMissionControlGrains());

var app = builder.Build();
app.MapHealthApi();
app.Run();
return 0;

/// <summary>Entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
