using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MissionControl.Grains.Common;
using MissionControl.Grains.Gateways.TemplateSync;
using MissionControl.OpenClaw.Errors;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>A template sync followed as it runs: its running totals as server-sent events.</summary>
public static class TemplateSyncStream
{
    public const string ProgressEvent = "progress";
    public const string ResultEvent = "result";

    /// <summary>Whether the client asked for the stream (<c>Accept: text/event-stream</c>).</summary>
    public static bool IsAskedFor(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Runs the sync; yields a <c>progress</c> frame per report and a <c>result</c> frame for the
    /// last. The answer has started by the time the run fails, so a failure is told in the last
    /// <c>result</c> frame (an error without an agent, as a gateway that went away is) instead of
    /// a status code.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<GatewayTemplatesSyncProgress>> Run(
        GatewayTemplateSync sync, Guid gatewayId, TemplateSyncOptions options, ILogger logger,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var reports = Channel.CreateUnbounded<TemplateSyncResult>(new UnboundedChannelOptions { SingleReader = true });
        var run = RunIntoAsync(sync, gatewayId, options, reports.Writer, logger, ct);
        await foreach (var report in reports.Reader.ReadAllAsync(ct))
            yield return new SseItem<GatewayTemplatesSyncProgress>(GatewayTemplatesSyncProgress.From(report), report.Finished ? ResultEvent : ProgressEvent);
        await run;
    }

    private static async Task RunIntoAsync(
        GatewayTemplateSync sync, Guid gatewayId, TemplateSyncOptions options, ChannelWriter<TemplateSyncResult> reports,
        ILogger logger, CancellationToken ct)
    {
        var progress = new ChannelProgress(reports);
        try
        {
            await sync.RunAsync(gatewayId, options, progress, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            progress.Report(Stopped(progress.Last, gatewayId, options, Reason(ex, logger)));
        }
        finally
        {
            reports.TryComplete();
        }
    }

    // The same words the JSON answer's error would carry; anything unforeseen is logged, not shown.
    private static string Reason(Exception ex, ILogger logger)
    {
        switch (ex)
        {
            case GatewayException or DomainException:
                return ex.Message;
            default:
                logger.LogError(ex, "A followed template sync failed");
                return "The sync stopped on an unexpected error; the service's log has the details.";
        }
    }

    private static TemplateSyncResult Stopped(TemplateSyncResult? last, Guid gatewayId, TemplateSyncOptions options, string reason)
    {
        var sofar = last ?? new TemplateSyncResult(gatewayId, options.IncludeMain, options.ResetSessions, 0, 0, false, []);
        return sofar with { Errors = [.. sofar.Errors, new TemplateSyncError(null, null, null, reason)], Finished = true, LastAgent = null };
    }

    // Progress<T> posts each report to the thread pool, where they may arrive out of order; the
    // run's reports go into the channel in the order they are made.
    private sealed class ChannelProgress(ChannelWriter<TemplateSyncResult> reports) : IProgress<TemplateSyncResult>
    {
        public TemplateSyncResult? Last { get; private set; }

        public void Report(TemplateSyncResult value)
        {
            Last = value;
            reports.TryWrite(value);
        }
    }
}
