using System.Net;
using System.Net.Sockets;

namespace Paz.Benchmarks;

/// <summary>Ports on 127.0.0.1 for the servers a benchmark starts (the tribunal's service, silos).</summary>
internal static class Loopback
{
    /// <summary>A port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
