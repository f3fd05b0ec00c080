using System.Net;
using System.Net.Sockets;

namespace Paz.Tests;

/// <summary>Ports on 127.0.0.1 for services a test starts as real servers (a browser, a killed process or a silo needs one); linked into each test project that needs it.</summary>
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
