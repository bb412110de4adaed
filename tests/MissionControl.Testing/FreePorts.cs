using System.Net;
using System.Net.Sockets;

namespace MissionControl.Testing;

/// <summary>Loopback ports nobody listens on right now, for silos and servers a test starts.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// The range ports are drawn from: below the system's ephemeral range, which outgoing
    /// connections take their local ports from. A port drawn from inside it could be taken by a
    /// connection (to PostgreSQL, say) between the draw and the silo's bind.
    /// </summary>
    private static readonly (int First, int Last) Range = BelowEphemeral();

    /// <summary>
    /// A port from <see cref="Range"/> that binds right now; never one this process was given
    /// before, since a port handed out but not yet bound (a silo's port and its gateway port, say)
    /// would bind again.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(Range.First, Range.Last + 1);
            lock (HandedOut)
            {
                if (HandedOut.Contains(port) || !Binds(port))
                    continue;
                HandedOut.Add(port);
                return port;
            }
        }
    }

    private static bool Binds(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static (int, int) BelowEphemeral()
    {
        const int first = 20000;
        try
        {
            var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);
            if (ephemeralStart - first >= 4096)
                return (first, ephemeralStart - 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return (first, 32767);
    }
}
