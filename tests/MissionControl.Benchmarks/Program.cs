using MissionControl.Benchmarks;

// Benchmarks print figures; they never pass or fail on timings. See README "Benchmarks".
var scenario = args.FirstOrDefault() ?? "gateway-patch";
switch (scenario)
{
    case "gateway-patch":
        await GatewayPatchBenchmark.RunAsync(args.Skip(1).ToArray());
        return 0;
    case "inbox-poll":
        await InboxPollBenchmark.RunAsync(args.Skip(1).ToArray());
        return 0;
    // Steps of deploy/bench.sh provision, which starts the gateways and the service around them.
    case "provision-floor":
        return await MissionControl.Benchmarks.Provisioning.ProvisionFloor.RunAsync(args.Skip(1).ToArray());
    case "provision-steps":
        return await MissionControl.Benchmarks.Provisioning.ProvisionSteps.RunAsync(args.Skip(1).ToArray());
    case "provision":
        return await MissionControl.Benchmarks.Provisioning.ProvisionBenchmark.RunAsync(args.Skip(1).ToArray());
    // Steps of deploy/bench.sh heartbeats; the load itself comes from wrk over HTTP.
    case "heartbeat-seed":
        return await HeartbeatSeeding.RunAsync(args.Skip(1).ToArray());
    case "heartbeat-warmup":
        return await HeartbeatWarmUp.RunAsync(args.Skip(1).ToArray());
    default:
        Console.Error.WriteLine($"unknown benchmark '{scenario}'; known: gateway-patch, inbox-poll, provision-floor, provision-steps, provision, heartbeat-seed, heartbeat-warmup");
        return 2;
}
