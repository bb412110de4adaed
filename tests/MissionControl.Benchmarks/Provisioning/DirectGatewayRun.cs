using MissionControl.OpenClaw;
using MissionControl.OpenClaw.Connection;
using MissionControl.OpenClaw.Identity;

namespace MissionControl.Benchmarks.Provisioning;

/// <summary>
/// The settings of a benchmark that calls a gateway directly (the floor, the steps) and its
/// connection, opened and paired before any clock starts.
/// </summary>
internal sealed record DirectGatewayRun(int Agents, int Concurrency, int GatewayPid, string WorkspaceRoot, GatewayRpcClient Rpc) : IAsyncDisposable
{
    public static async Task<DirectGatewayRun> ConnectAsync(string[] args, string clientName)
    {
        var options = BenchArgs.Parse(args);
        var connection = new GatewayClientOptions
        {
            GatewayId = clientName, Url = new Uri(options.Text("gateway-url")), Token = options.Text("gateway-token"),
        };
        var rpc = new GatewayRpcClient(connection, new InMemoryDeviceIdentityStore());
        await rpc.CallAsync("health");
        return new DirectGatewayRun(
            options.Int("agents", 100), options.Int("concurrency", 8), options.Int("gateway-pid", 0), options.Text("workspace-root"), rpc);
    }

    public ValueTask DisposeAsync() => Rpc.DisposeAsync();
}
