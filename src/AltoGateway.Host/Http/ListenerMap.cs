using System.Net;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>
/// Which listener group a connection arrived on, told by the local address and port it reached
/// (configuration validation guarantees that no address and port serve two listeners).
/// </summary>
internal sealed class ListenerMap
{
    private readonly Dictionary<IPEndPoint, ListenerGroup> _byEndpoint = [];
    private readonly Dictionary<int, ListenerGroup> _anyAddressByPort = [];

    public ListenerMap(HttpOptions options)
    {
        Lan = options.Endpoints(ListenerGroup.Lan);
        Wan = options.Endpoints(ListenerGroup.Wan);
        foreach (var (group, endpoints) in new[] { (ListenerGroup.Lan, Lan), (ListenerGroup.Wan, Wan) })
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Host == ListenerHost.AnyAddress)
                {
                    _anyAddressByPort[endpoint.Port] = group;
                }

                foreach (var address in endpoint.BoundAddresses)
                {
                    _byEndpoint[new IPEndPoint(address, endpoint.Port)] = group;
                }
            }
        }

        Summary = $"LAN {Describe(Lan)}; WAN {Describe(Wan)}";
    }

    public IReadOnlyList<ListenerEndpoint> Lan { get; }

    public IReadOnlyList<ListenerEndpoint> Wan { get; }

    /// <summary>"LAN http://…; WAN http://…" for logs and systemd's STATUS=.</summary>
    public string Summary { get; }

    public ListenerGroup? GroupOf(IPAddress? localAddress, int localPort)
    {
        if (localAddress is not null)
        {
            // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
            var address = localAddress.IsIPv4MappedToIPv6 ? localAddress.MapToIPv4() : localAddress;
            if (_byEndpoint.TryGetValue(new IPEndPoint(address, localPort), out var exact))
            {
                return exact;
            }
        }

        return _anyAddressByPort.TryGetValue(localPort, out var any) ? any : null;
    }

    public static string Describe(IReadOnlyList<ListenerEndpoint> endpoints) =>
        endpoints.Count == 0 ? "off" : string.Join(", ", endpoints.Select(e => e.Url));
}
