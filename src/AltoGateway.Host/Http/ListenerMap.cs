using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>
/// Which listener group a connection arrived on, told by its local port (configuration
/// validation guarantees that no port serves both groups).
/// </summary>
internal sealed class ListenerMap
{
    private readonly Dictionary<int, ListenerGroup> _byPort = [];

    public ListenerMap(HttpOptions options)
    {
        Lan = options.Endpoints(ListenerGroup.Lan);
        Wan = options.Endpoints(ListenerGroup.Wan);
        foreach (var endpoint in Lan)
        {
            _byPort[endpoint.Port] = ListenerGroup.Lan;
        }

        foreach (var endpoint in Wan)
        {
            _byPort[endpoint.Port] = ListenerGroup.Wan;
        }

        Summary = $"LAN {Describe(Lan)}; WAN {Describe(Wan)}";
    }

    public IReadOnlyList<ListenerEndpoint> Lan { get; }

    public IReadOnlyList<ListenerEndpoint> Wan { get; }

    /// <summary>"LAN http://…; WAN http://…" for logs and systemd's STATUS=.</summary>
    public string Summary { get; }

    public ListenerGroup? GroupOf(int localPort) => _byPort.TryGetValue(localPort, out var group) ? group : null;

    public static string Describe(IReadOnlyList<ListenerEndpoint> endpoints) =>
        endpoints.Count == 0 ? "off" : string.Join(", ", endpoints.Select(e => e.Url));
}
