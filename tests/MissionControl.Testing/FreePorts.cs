using System.Net;
using System.Net.Sockets;

namespace MissionControl.Testing;

/// <summary>Loopback ports nobody listens on right now, for silos and servers a test starts.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port the system just offered; never one this process was given before, since a port
    /// handed out but not yet bound (a silo's port and its gateway port, say) would be offered again.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                    return port;
            }
        }
    }
}
