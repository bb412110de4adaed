using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.Grains.Agents.Inbox;
using MissionControl.ReadModels.Inbox;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Inbox;

/// <summary>
/// Operators and an agent's inbox (<c>/api/v1/agents/{agent_id}/…</c>): issue or rotate its inbox
/// key, and list its messages. Both need an owner or admin of the agent's organization.
/// </summary>
public static class AgentInboxApi
{
    private static readonly string[] Statuses =
        [InboxMessageStatus.Pending, InboxMessageStatus.Delivered, InboxMessageStatus.Completed, InboxMessageStatus.DeadLetter];

    public static IEndpointRouteBuilder MapAgentInboxApi(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agents/{agent_id}").RequireUser().WithTags("agents");
        agent.MapPost("/inbox-key", IssueKey).WithName("IssueAgentInboxKey");
        agent.MapGet("/inbox", ListMessages).WithName("ListAgentInboxMessages");
        return app;
    }

    /// <summary>
    /// Issues a new inbox key and shows it this once; the previous key stops working at once. Only
    /// its keyed hash is stored, so it can never be shown again: lost means rotate.
    /// </summary>
    public static async Task<Ok<InboxKeyIssued>> IssueKey(
        [FromRoute(Name = "agent_id")] Guid agentId, UserSession session, HttpContext context, AgentGuard guard, InboxKeyIssuer keys,
        CancellationToken ct)
    {
        await guard.ForAdminAsync(session, agentId, write: true, ct);
        var key = await keys.IssueAsync(agentId, ct);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new InboxKeyIssued(agentId, key));
    }

    /// <summary>The agent's messages, newest first: status, delivery attempts, lease deadline, result or dead-letter reason.</summary>
    public static async Task<Ok<Page<InboxMessageRead>>> ListMessages(
        [FromRoute(Name = "agent_id")] Guid agentId, PageRequest page, UserSession session, HttpContext context, AgentGuard guard,
        InboxQueries inbox, CancellationToken ct)
    {
        var status = StatusFilter(context.Request.Query["status"]);
        await guard.ForAdminAsync(session, agentId, write: false, ct);
        var rows = await inbox.PageAsync(agentId, status, page.Limit, page.Offset, ct);
        return TypedResults.Ok(page.ToPage<InboxMessageRead>([.. rows.Items.Select(InboxMessageRead.From)], rows.Total));
    }

    private static string? StatusFilter(string? status)
    {
        if (string.IsNullOrEmpty(status))
            return null;
        return Statuses.Contains(status)
            ? status
            : throw new ApiValidationException(
                [new ValidationIssue(["query", "status"], $"Input should be one of: {string.Join(", ", Statuses)}", "enum")]);
    }
}
