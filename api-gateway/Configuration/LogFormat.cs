namespace MissionControl.ApiGateway.Configuration;

/// <summary>
/// How the service writes its logs, from LOG_FORMAT: <c>text</c> (the default, for people reading
/// a terminal) or <c>json</c> (one object per line, with the request id and other scopes as
/// fields, for log collectors).
/// </summary>
public static class LogFormat
{
    public static void Apply(ILoggingBuilder logging, IConfiguration configuration)
    {
        var format = configuration["LOG_FORMAT"];
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "text":
                return;
            case "json":
                logging.ClearProviders();
                logging.AddJsonConsole(json =>
                {
                    json.IncludeScopes = true;
                    json.UseUtcTimestamp = true;
                    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                return;
            default:
                throw new ConfigurationException("LOG_FORMAT", $"must be text or json, not '{format}'");
        }
    }
}
