using MissionControl.Cluster.TestSilo;
using Orleans.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: <connection string> <service id> <silo port> <gateway port>. Prints "ready <silo>" once
// the silo is active, then runs until the process is stopped or killed.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: MissionControl.Cluster.TestSilo <connection string> <service id> <silo port> <gateway port>");
    return 2;
}

using var host = TestSiloHost.Build(args[0], args[1], int.Parse(args[2]), int.Parse(args[3]));
await host.StartAsync();
await TestSiloHost.EnsureFiringsTableAsync(host);
Console.WriteLine($"ready {host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()}");
await host.WaitForShutdownAsync();
return 0;
