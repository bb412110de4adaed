using System.Security.Cryptography;
using System.Text;

namespace MissionControl.ApiGateway.Authentication;

/// <summary>Comparing a presented token with one from configuration.</summary>
internal static class SharedTokens
{
    // Digests first so the comparison takes the same time whatever the lengths.
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
