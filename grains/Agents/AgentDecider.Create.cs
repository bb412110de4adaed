using MissionControl.Grains.Agents.Events;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;

namespace MissionControl.Grains.Agents;

public static partial class AgentDecider
{
    private static IReadOnlyList<AgentEvent> Create(AgentState? state, CreateAgent command)
    {
        if (state is not null)
        {
            throw DomainError.Conflict("Agent already exists");
        }

        EnsureTokenIsHashed(command.TokenHash);
        EnsureCoherentScope(command);
        var name = Text.TrimToNull(command.Name)
            ?? (command.IsBoardLead ? AgentDefaults.LeadAgentName : throw DomainError.Validation("name is required"));

        var created = new AgentCreated(
            command.AgentId,
            name,
            command.BoardId,
            command.GatewayId,
            command.IsBoardLead,
            SessionKeys.For(command.AgentId, command.BoardId, command.GatewayId, command.IsBoardLead),
            command.TokenHash,
            AgentProfiles.MergeHeartbeat(command.HeartbeatConfig),
            AgentProfiles.WithDefaults(RoleIdentityDefaults(command), command.IdentityProfile),
            AgentProfiles.NormalizeTemplate(command.IdentityTemplate),
            AgentProfiles.NormalizeTemplate(command.SoulTemplate),
            command.Now)
        {
            TokenLookup = command.TokenLookup,
        };
        var firstProvision = new AgentProvisionStarted(1, ProvisionAction.Provision, ForceBootstrap: false, Wake: true, command.Now);
        return [created, firstProvision];
    }

    private static void EnsureCoherentScope(CreateAgent command)
    {
        if (command.IsGatewayMain)
        {
            if (command.BoardId is not null)
            {
                throw DomainError.Validation("A gateway main agent cannot belong to a board");
            }

            if (command.IsBoardLead)
            {
                throw DomainError.Validation("A gateway main agent cannot be a board lead");
            }

            return;
        }

        if (command.BoardId is null)
        {
            throw DomainError.Validation("board_id is required");
        }
    }

    private static IReadOnlyDictionary<string, string>? RoleIdentityDefaults(CreateAgent command) =>
        command.IsGatewayMain ? AgentDefaults.GatewayMainIdentityProfile()
        : command.IsBoardLead ? AgentDefaults.LeadIdentityProfile()
        : null;

    // A raw token here would end up in the event store; refuse anything that is not a hash.
    // This is a programming error rather than bad user input, hence not a DomainException.
    private static void EnsureTokenIsHashed(string tokenHash)
    {
        if (!AgentTokens.IsWellFormedHash(tokenHash))
        {
            throw new ArgumentException("Expected an agent token hash, not a token", nameof(tokenHash));
        }
    }
}
