namespace MissionControl.Grains.Boards;

/// <summary>Workflow switches of a board (upstream defaults).</summary>
public sealed record BoardRules(
    bool RequireApprovalForDone = true,
    bool RequireReviewBeforeDone = false,
    bool CommentRequiredForReview = false,
    bool BlockStatusChangesWithPendingApproval = false,
    bool OnlyLeadCanChangeStatus = false,
    int MaxAgents = 1);

/// <summary>What the caller found out about a gateway a board should use.</summary>
/// <param name="GatewayId">The gateway.</param>
/// <param name="OrganizationId">Its organization.</param>
/// <param name="HasMainAgent">Whether its gateway-main agent exists yet.</param>
public sealed record GatewayFacts(Guid GatewayId, Guid OrganizationId, bool HasMainAgent);

/// <summary>A board: a project with an objective, run by agents on one gateway. Snapshotted as JSON.</summary>
/// <param name="Id">Board id.</param>
/// <param name="OrganizationId">Owning organization.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Required description.</param>
/// <param name="BoardType"><c>goal</c> or <c>general</c>.</param>
/// <param name="Objective">What the board is for, when set.</param>
/// <param name="GatewayId">Gateway its agents run on.</param>
/// <param name="LeadAgentId">The board lead, once there is one.</param>
/// <param name="IsPaused">Set by a <c>/pause</c> chat command, cleared by <c>/resume</c>.</param>
/// <param name="Rules">Workflow switches.</param>
/// <param name="IsDeleted">True after deletion.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Time of the latest event.</param>
public sealed record BoardState(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Description,
    string BoardType,
    string? Objective,
    Guid GatewayId,
    Guid? LeadAgentId,
    bool IsPaused,
    BoardRules Rules,
    bool IsDeleted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
