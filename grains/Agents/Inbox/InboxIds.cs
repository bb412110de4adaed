using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Grains.Agents.Inbox;

/// <summary>Ids the inbox derives instead of drawing, so repeating a step never creates a second message.</summary>
public static class InboxIds
{
    /// <summary>The id of the reply that reporting <paramref name="messageId"/> sends back to its sender.</summary>
    public static Guid ReplyTo(Guid messageId) => Derive("inbox-reply", messageId);

    /// <summary>The conversation of messages <paramref name="senderId"/> sends to <paramref name="targetId"/> (and their replies).</summary>
    public static string Conversation(Guid senderId, Guid targetId) => $"gw_agent_{senderId:D}_{targetId:D}";

    // A name-based id (SHA-256 of purpose and source id, shaped as a version-5 style Guid).
    private static Guid Derive(string purpose, Guid source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"mission-control:{purpose}:{source:D}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
