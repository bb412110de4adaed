using MissionControl.LoadBalancer;

// The front door of a local cluster: one port that spreads requests over the service processes
// (MC_BACKENDS, their URLs separated by commas) and leaves out any whose /readyz fails.
var builder = WebApplication.CreateBuilder(args);
var backends = Backends.Parse(builder.Configuration[Backends.Variable]);
builder.Services.AddReverseProxy().LoadFromMemory([Backends.Route], [Backends.Cluster(backends)]);
builder.Services.Configure<Yarp.ReverseProxy.Health.TransportFailureRateHealthPolicyOptions>(Backends.LeaveOutFailingQuickly);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
