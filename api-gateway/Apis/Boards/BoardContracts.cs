using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.ApiGateway.Http;
using MissionControl.GrainInterfaces.Boards;
using MissionControl.Grains.Common;
using MissionControl.ReadModels.Queries;

namespace MissionControl.ApiGateway.Apis.Boards;

/// <summary>A board as the API shows it (<c>BoardRead</c>: the columns of the boards read model).</summary>
public sealed record BoardRead(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Description,
    Guid GatewayId,
    string BoardType,
    string? Objective,
    Guid? LeadAgentId,
    bool IsPaused,
    bool RequireApprovalForDone,
    bool RequireReviewBeforeDone,
    bool CommentRequiredForReview,
    bool BlockStatusChangesWithPendingApproval,
    bool OnlyLeadCanChangeStatus,
    int MaxAgents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BoardRead From(BoardRow row) => new(
        row.Id, row.OrganizationId, row.Name, row.Description, row.GatewayId, row.BoardType, row.Objective, row.LeadAgentId,
        row.IsPaused, row.RequireApprovalForDone, row.RequireReviewBeforeDone, row.CommentRequiredForReview,
        row.BlockStatusChangesWithPendingApproval, row.OnlyLeadCanChangeStatus, row.MaxAgents, row.CreatedAt, row.UpdatedAt);

    public static BoardRead From(BoardView view) => new(
        view.Id, view.OrganizationId, view.Name, view.Description, view.GatewayId, view.BoardType, view.Objective, view.LeadAgentId,
        view.IsPaused, view.Rules.RequireApprovalForDone, view.Rules.RequireReviewBeforeDone, view.Rules.CommentRequiredForReview,
        view.Rules.BlockStatusChangesWithPendingApproval, view.Rules.OnlyLeadCanChangeStatus, view.Rules.MaxAgents,
        view.CreatedAt, view.UpdatedAt);
}

/// <summary>
/// The body of <c>POST /boards</c>. Description and gateway are optional here only so that their
/// absence gets the contract's own details ("description is required", "gateway_id is required").
/// Absent workflow switches take their defaults.
/// </summary>
public sealed record BoardCreate(
    string Name,
    string? Description = null,
    Guid? GatewayId = null,
    string? BoardType = null,
    string? Objective = null,
    bool? RequireApprovalForDone = null,
    bool? RequireReviewBeforeDone = null,
    bool? CommentRequiredForReview = null,
    bool? BlockStatusChangesWithPendingApproval = null,
    bool? OnlyLeadCanChangeStatus = null,
    int? MaxAgents = null)
{
    public NewBoard ToNewBoard(Guid organizationId)
    {
        return new NewBoard(organizationId, Name, Description, GatewayId)
        {
            BoardType = BoardType,
            Objective = Objective,
            Rules = BoardRuleFields.Apply(new WorkflowRules(), RequireApprovalForDone, RequireReviewBeforeDone,
                CommentRequiredForReview, BlockStatusChangesWithPendingApproval, OnlyLeadCanChangeStatus, MaxAgents),
        };
    }
}

/// <summary>
/// The body of <c>PATCH /boards/{id}</c>: absent fields stay. An explicit null for
/// <c>gateway_id</c> or <c>description</c> is refused (a board always has both); null elsewhere
/// means "leave it".
/// </summary>
public sealed record BoardUpdate(
    string? Name = null,
    string? Description = null,
    Guid? GatewayId = null,
    string? Objective = null,
    bool? RequireApprovalForDone = null,
    bool? RequireReviewBeforeDone = null,
    bool? CommentRequiredForReview = null,
    bool? BlockStatusChangesWithPendingApproval = null,
    bool? OnlyLeadCanChangeStatus = null,
    int? MaxAgents = null)
{
    /// <summary>
    /// Reads the body, which the endpoint binds as raw JSON so that an explicit null can be told
    /// from an absent field. Malformed or mistyped input is answered like any binding failure (422).
    /// </summary>
    public static BoardUpdate Parse(JsonElement body, HttpContext context)
    {
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        BoardUpdate? update;
        try
        {
            update = body.Deserialize<BoardUpdate>(json);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("Failed to read the request body as a board update.", StatusCodes.Status400BadRequest, ex);
        }

        if (update is null)
            throw new ApiValidationException([new ValidationIssue(["body"], "Input should be a valid dictionary", "dict_type")]);
        RefuseExplicitNull(body, "gateway_id", "gateway_id is required");
        RefuseExplicitNull(body, "description", "description is required");
        context.RequestServices.GetRequiredService<IValidator<BoardUpdate>>().ThrowIfInvalid(update);
        return update;
    }

    /// <summary>The grain's changes; rule switches given are laid over the board's current ones.</summary>
    public BoardChanges ToChanges(BoardRow current) => new()
    {
        Name = Name,
        Description = Description,
        Objective = Objective,
        GatewayId = GatewayId,
        Rules = ChangesRules
            ? BoardRuleFields.Apply(BoardRuleFields.Of(current), RequireApprovalForDone, RequireReviewBeforeDone,
                CommentRequiredForReview, BlockStatusChangesWithPendingApproval, OnlyLeadCanChangeStatus, MaxAgents)
            : null,
    };

    private bool ChangesRules =>
        RequireApprovalForDone is not null || RequireReviewBeforeDone is not null || CommentRequiredForReview is not null
        || BlockStatusChangesWithPendingApproval is not null || OnlyLeadCanChangeStatus is not null || MaxAgents is not null;

    private static void RefuseExplicitNull(JsonElement body, string field, string detail)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Null)
            throw DomainError.Validation(detail);
    }
}

/// <summary>The board's workflow switches as the API's flat fields.</summary>
internal static class BoardRuleFields
{
    public static WorkflowRules Of(BoardRow row) => new(
        row.RequireApprovalForDone, row.RequireReviewBeforeDone, row.CommentRequiredForReview,
        row.BlockStatusChangesWithPendingApproval, row.OnlyLeadCanChangeStatus, row.MaxAgents);

    public static WorkflowRules Apply(
        WorkflowRules rules, bool? approvalForDone, bool? reviewBeforeDone, bool? commentForReview,
        bool? blockWithPendingApproval, bool? onlyLeadChangesStatus, int? maxAgents) => new(
        approvalForDone ?? rules.RequireApprovalForDone,
        reviewBeforeDone ?? rules.RequireReviewBeforeDone,
        commentForReview ?? rules.CommentRequiredForReview,
        blockWithPendingApproval ?? rules.BlockStatusChangesWithPendingApproval,
        onlyLeadChangesStatus ?? rules.OnlyLeadCanChangeStatus,
        maxAgents ?? rules.MaxAgents);
}
