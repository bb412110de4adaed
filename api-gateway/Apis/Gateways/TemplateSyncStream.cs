using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Net.Http.Headers;
using MissionControl.ApiGateway.Apis.Contracts;
using MissionControl.Grains.Gateways.TemplateSync;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>A template sync followed as it runs: its running totals as server-sent events.</summary>
public static class TemplateSyncStream
{
    public const string ProgressEvent = "progress";
    public const string ResultEvent = "result";

    /// <summary>Whether the client asked for the stream (<c>Accept: text/event-stream</c>).</summary>
    public static bool IsAskedFor(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs the sync; yields a <c>progress</c> frame per report and a <c>result</c> frame for the last.</summary>
    public static async IAsyncEnumerable<SseItem<GatewayTemplatesSyncProgress>> Run(
        GatewayTemplateSync sync, Guid gatewayId, TemplateSyncOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var reports = Channel.CreateUnbounded<TemplateSyncResult>(new UnboundedChannelOptions { SingleReader = true });
        var run = RunIntoAsync(sync, gatewayId, options, reports.Writer, ct);
        await foreach (var report in reports.Reader.ReadAllAsync(ct))
            yield return new SseItem<GatewayTemplatesSyncProgress>(GatewayTemplatesSyncProgress.From(report), report.Finished ? ResultEvent : ProgressEvent);
        await run;
    }

    private static async Task RunIntoAsync(
        GatewayTemplateSync sync, Guid gatewayId, TemplateSyncOptions options, ChannelWriter<TemplateSyncResult> reports, CancellationToken ct)
    {
        try
        {
            await sync.RunAsync(gatewayId, options, new ChannelProgress(reports), ct);
            reports.TryComplete();
        }
        catch (Exception ex)
        {
            reports.TryComplete(ex);
        }
    }

    // Progress<T> posts each report to the thread pool, where they may arrive out of order; the
    // run's reports go into the channel in the order they are made.
    private sealed class ChannelProgress(ChannelWriter<TemplateSyncResult> reports) : IProgress<TemplateSyncResult>
    {
        public void Report(TemplateSyncResult value) => reports.TryWrite(value);
    }
}
