namespace MissionControl.Templates.Context;

/// <summary>
/// Turns a <see cref="WorkspaceContext"/> into the snake_case variables the templates use.
/// Flags are real booleans so <c>{{#if}}</c> reads them correctly; board variables exist only for
/// board agents, so a gateway-main template that reaches for one fails instead of printing nothing.
/// </summary>
public static class TemplateVariables
{
    /// <summary>Where the credentials block lives when TOOLS.md is written.</summary>
    public const string CredentialsInTools = "TOOLS.md";

    /// <summary>Where the credentials block lives when the gateway refuses TOOLS.md.</summary>
    public const string CredentialsInAgents = "AGENTS.md (section \"Credentials\")";

    /// <summary>Where the heartbeat routine lives when HEARTBEAT.md is written.</summary>
    public const string HeartbeatInOwnFile = "HEARTBEAT.md";

    /// <summary>Where the heartbeat routine lives when the gateway refuses HEARTBEAT.md.</summary>
    public const string HeartbeatInAgents = "AGENTS.md (section \"Heartbeat routine\")";

    /// <summary>Builds the variables, assuming TOOLS.md and HEARTBEAT.md are separate files.</summary>
    public static Dictionary<string, object> From(WorkspaceContext context) =>
        From(context, CredentialsInTools, HeartbeatInOwnFile);

    /// <summary>Builds the variables with explicit locations for the credentials and the heartbeat routine.</summary>
    public static Dictionary<string, object> From(
        WorkspaceContext context, string credentialsLocation, string heartbeatLocation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var variables = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["credentials_location"] = credentialsLocation,
            ["heartbeat_location"] = heartbeatLocation,
        };
        AddAgent(variables, context);
        AddUser(variables, context.User);
        AddIdentity(variables, context.Identity);
        if (context.Role != AgentRole.GatewayMain)
        {
            AddBoard(variables, RequireBoard(context));
        }

        return variables;
    }

    private static BoardProfile RequireBoard(WorkspaceContext context) =>
        context.Board ?? throw new ArgumentException(
            $"A {context.Role} agent needs a board to render its workspace.", nameof(context));

    private static void AddAgent(Dictionary<string, object> v, WorkspaceContext c)
    {
        v["agent_name"] = c.AgentName;
        v["agent_id"] = c.AgentId;
        v["session_key"] = c.SessionKey;
        v["main_session_key"] = c.MainSessionKey;
        v["base_url"] = c.BaseUrl.TrimEnd('/');
        v["auth_token"] = c.AuthToken;
        v["workspace_root"] = c.WorkspaceRoot;
        v["workspace_path"] = c.WorkspacePath;
        v["is_board_lead"] = c.Role == AgentRole.Lead;
        v["is_main_agent"] = c.Role == AgentRole.GatewayMain;
        v["openapi_tag"] = OpenApiTag(c.Role);
    }

    /// <summary>The OpenAPI tag that marks the operations meant for an agent of this role.</summary>
    public static string OpenApiTag(AgentRole role) => role switch
    {
        AgentRole.Lead => "agent-lead",
        AgentRole.GatewayMain => "agent-main",
        _ => "agent-worker",
    };

    private static void AddUser(Dictionary<string, object> v, UserProfile user)
    {
        v["user_name"] = user.Name.Trim();
        v["user_preferred_name"] = FirstWord(user.PreferredName);
        v["user_pronouns"] = user.Pronouns.Trim();
        v["user_timezone"] = user.Timezone.Trim();
        v["user_notes"] = user.Notes.Trim();
        v["user_context"] = user.Context.Trim();
    }

    private static void AddIdentity(Dictionary<string, object> v, IdentityProfile identity)
    {
        v["identity_role"] = OrDefault(identity.Role, IdentityProfile.DefaultRole);
        v["identity_communication_style"] =
            OrDefault(identity.CommunicationStyle, IdentityProfile.DefaultCommunicationStyle);
        v["identity_emoji"] = OrDefault(identity.Emoji, IdentityProfile.DefaultEmoji);
        v["identity_autonomy_level"] = identity.AutonomyLevel.Trim();
        v["identity_verbosity"] = identity.Verbosity.Trim();
        v["identity_output_format"] = identity.OutputFormat.Trim();
        v["identity_update_cadence"] = identity.UpdateCadence.Trim();
        v["identity_purpose"] = identity.Purpose.Trim();
        v["identity_personality"] = identity.Personality.Trim();
        v["identity_custom_instructions"] = identity.CustomInstructions.Trim();
    }

    private static void AddBoard(Dictionary<string, object> v, BoardProfile board)
    {
        v["board_id"] = board.Id;
        v["board_name"] = board.Name;
        v["board_type"] = board.BoardType;
        v["board_objective"] = board.Objective.Trim();
        v["board_success_metrics"] = string.IsNullOrWhiteSpace(board.SuccessMetricsJson) ? "{}" : board.SuccessMetricsJson;
        v["board_target_date"] = board.TargetDate.Trim();
        v["board_goal_confirmed"] = board.GoalConfirmed;
        v["board_rule_require_approval_for_done"] = board.Rules.RequireApprovalForDone;
        v["board_rule_require_review_before_done"] = board.Rules.RequireReviewBeforeDone;
        v["board_rule_comment_required_for_review"] = board.Rules.CommentRequiredForReview;
        v["board_rule_block_status_changes_with_pending_approval"] = board.Rules.BlockStatusChangesWithPendingApproval;
        v["board_rule_only_lead_can_change_status"] = board.Rules.OnlyLeadCanChangeStatus;
        v["board_rule_max_agents"] = board.Rules.MaxAgents;
    }

    private static string OrDefault(string value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    // Templates greet people by first name only ("Call them: Sam").
    private static string FirstWord(string value)
    {
        var words = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "" : words[0];
    }
}
