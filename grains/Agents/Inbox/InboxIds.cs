using MissionControl.Grains.Common;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>Ids the inbox derives instead of drawing, so repeating a step never creates a second message.</summary>
public static class InboxIds
{
    /// <summary>The id of the reply that reporting <paramref name="messageId"/> sends back to its sender.</summary>
    public static Guid ReplyTo(Guid messageId) => NameBasedIds.Derive("inbox-reply", messageId);

    /// <summary>The conversation of messages <paramref name="senderId"/> sends to <paramref name="targetId"/> (and their replies).</summary>
    public static string Conversation(Guid senderId, Guid targetId) => $"gw_agent_{senderId:D}_{targetId:D}";
}
