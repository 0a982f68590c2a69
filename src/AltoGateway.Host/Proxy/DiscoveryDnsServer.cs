using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Resolution;

namespace AltoGateway.Host.Proxy;

/// <summary>
/// The DNS server the proxy's discovery asks, found once at start: <c>Proxy:Discovery:DnsServer</c> (host[:port]; a
/// host name is resolved now), else the first nameserver of /etc/resolv.conf (RFC 8686 §6.1 leaves DNSSEC validation
/// to the system's resolver).
/// </summary>
internal static class DiscoveryDnsServer
{
    /// <summary>The server, or null with the reason.</summary>
    public static (IPEndPoint? Server, string Problem) Find(string configured, string resolvConfPath = ResolvConf.SystemPath)
    {
        if (configured.Length == 0)
        {
            string text;
            try
            {
                text = File.ReadAllText(resolvConfPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return (null, $"{resolvConfPath} cannot be read ({ex.Message}); set Proxy:Discovery:DnsServer");
            }

            var nameservers = ResolvConf.Parse(text).Nameservers;
            return nameservers.Count > 0
                ? (new IPEndPoint(nameservers[0], DnsServerAddress.DefaultPort), string.Empty)
                : (null, $"no nameserver in {resolvConfPath}; set Proxy:Discovery:DnsServer");
        }

        if (!DnsServerAddress.TryParse(configured, out var address, out _))
        {
            return (null, $"Proxy:Discovery:DnsServer '{configured}' is not HOST[:PORT]"); // checked at start; kept for direct callers
        }

        if (address.EndPoint is { } endPoint)
        {
            return (endPoint, string.Empty);
        }

        try
        {
            var found = Dns.GetHostAddresses(address.Host);
            return found.Length > 0
                ? (new IPEndPoint(found[0], address.Port), string.Empty)
                : (null, $"Proxy:Discovery:DnsServer {address.Host} has no address");
        }
        catch (SocketException ex)
        {
            return (null, $"Proxy:Discovery:DnsServer {address.Host} cannot be resolved: {ex.Message}");
        }
    }
}
