namespace MissionControl.ApiGateway.Http;

/// <summary>
/// Refuses with 422, before any handler sees it, request text that is never valid input: control
/// characters (tab and line breaks aside) in the query, the path or any JSON string of the body,
/// and JSON strings that are not valid Unicode (invalid UTF-8, unpaired surrogates). Checked once
/// here for every route, so no field can be forgotten. Above all, a NUL never reaches the
/// database: PostgreSQL's <c>text</c> and <c>jsonb</c> have no room for one, and the statement
/// would fail while its parameters are bound, which is also the one failure that can leave a
/// pooled connection's auto-prepared statements out of step with the server (see
/// <c>SiloServiceCollectionExtensions.CreateDataSource</c>).
/// </summary>
internal sealed class InvalidTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var issues = new List<ValidationIssue>();
        issues.AddRange(ControlIn("query", context.Request.Query.SelectMany(pair => pair.Value.Select(value => (pair.Key, value)))));
        issues.AddRange(ControlIn("path", context.Request.RouteValues.Select(pair => (pair.Key, pair.Value as string))));
        if (issues.Count == 0 && context.Request.HasJsonContentType())
            issues.AddRange(await ScanBodyAsync(context.Request));
        if (issues.Count > 0)
            throw new ApiValidationException(issues);
        await next(context);
    }

    /// <summary>Reads the body once (within the size limit), scans it and leaves a rewound copy for binding.</summary>
    private static async Task<IReadOnlyList<ValidationIssue>> ScanBodyAsync(HttpRequest request)
    {
        var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        copy.Position = 0;
        request.Body = copy;
        return JsonTextScan.Find(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private static IEnumerable<ValidationIssue> ControlIn(string source, IEnumerable<(string Name, string? Value)> values) =>
        values.Where(pair => pair.Value is not null && JsonTextScan.HasControl(pair.Value))
            .Select(pair => new ValidationIssue([source, pair.Name], JsonTextScan.ControlMessage, JsonTextScan.ControlType));
}
