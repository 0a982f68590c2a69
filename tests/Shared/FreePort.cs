using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Tests.Shared;

/// <summary>Loopback TCP ports that were free a moment ago, for agents started by tests.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
