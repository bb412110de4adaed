using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>The inbox's refusals whose wording or code clients match on.</summary>
public static class InboxErrors
{
    public const string MessageNotFound = "Message not found";

    public static DomainException ResultMismatch() =>
        DomainError.Conflict("This message was already reported with a different result", "gateway_result_mismatch");

    public static DomainException MessageIdReused() =>
        DomainError.Conflict("This message_id was already used for a different message", "gateway_message_mismatch");
}
