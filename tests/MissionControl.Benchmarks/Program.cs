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
    default:
        Console.Error.WriteLine($"unknown benchmark '{scenario}'; known: gateway-patch, inbox-poll");
        return 2;
}
