using System.Security.Cryptography;
using System.Text;

namespace MissionControl.Grains.Common;

/// <summary>
/// Ids derived from a purpose and a source id instead of drawn, so every silo that takes the same
/// step arrives at the same id: SHA-256 of both, shaped as a version-5 style Guid.
/// </summary>
public static class NameBasedIds
{
    public static Guid Derive(string purpose, Guid source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"mission-control:{purpose}:{source:D}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
