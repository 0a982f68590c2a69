using System.Globalization;
using System.Net;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// A listener URL of the configuration, parsed: <c>http://IP:PORT</c>, <c>http://[IPv6]:PORT</c>,
/// <c>http://*:PORT</c> (every address) or <c>http://localhost:PORT</c> (both loopbacks), and
/// <c>https://</c> the same where the caller allows it (WAN listeners only).
/// Host names other than localhost are refused: a listener binds addresses, it resolves nothing.
/// </summary>
internal sealed record ListenerEndpoint(string Url, ListenerHost Host, IPAddress? Address, int Port)
{
    /// <summary>The concrete addresses bound: none for '*' (every address), both loopbacks for localhost.</summary>
    public IReadOnlyList<IPAddress> BoundAddresses => Host switch
    {
        ListenerHost.Address => [Address!],
        ListenerHost.Localhost => [IPAddress.Loopback, IPAddress.IPv6Loopback],
        _ => [],
    };

    /// <summary>True when only this machine can reach the listener.</summary>
    public bool IsLoopbackOnly => BoundAddresses.Count > 0 && BoundAddresses.All(IPAddress.IsLoopback);

    /// <summary>True when both would bind the same address and port.</summary>
    public bool Overlaps(ListenerEndpoint other) =>
        Port == other.Port
        && (Host == ListenerHost.AnyAddress || other.Host == ListenerHost.AnyAddress
            || BoundAddresses.Intersect(other.BoundAddresses).Any());

    /// <summary>True for an <c>https://</c> listener (TLS on the connection).</summary>
    public bool IsHttps => Url.StartsWith(HttpsScheme, StringComparison.OrdinalIgnoreCase);

    private const string HttpsScheme = "https://";

    /// <summary>Parses an <c>http://</c> URL (LAN listeners: see <see cref="TryParse(string?, bool, out ListenerEndpoint?, out string?)"/>).</summary>
    public static bool TryParse(string? url, out ListenerEndpoint? endpoint, out string? error) =>
        TryParse(url, allowHttps: false, out endpoint, out error);

    /// <summary>Parses a listener URL; <c>https://</c> only when <paramref name="allowHttps"/>.</summary>
    public static bool TryParse(string? url, bool allowHttps, out ListenerEndpoint? endpoint, out string? error)
    {
        endpoint = null;
        var https = url?.StartsWith(HttpsScheme, StringComparison.OrdinalIgnoreCase) == true;
        var scheme = https ? HttpsScheme : "http://";
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "is empty; expected http://ADDRESS:PORT";
            return false;
        }

        if (https && !allowHttps)
        {
            // LAN clients are subscribers' own peers on the local segment, found through DHCP and
            // RFC 7286 discovery by IP address, for which no certificate can name the listener.
            error = $"'{url}': https listeners are not supported yet on the LAN; use http:// (only Http:Wan:Urls may be https://)";
            return false;
        }

        if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{url}' is not an http:// URL; expected http://ADDRESS:PORT";
            return false;
        }

        var authority = url.AsSpan(scheme.Length).TrimEnd('/');
        int colon;
        ReadOnlySpan<char> hostPart;
        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || close + 1 >= authority.Length || authority[close + 1] != ':')
            {
                error = $"'{url}' has an IPv6 address without a port; expected http://[ADDRESS]:PORT";
                return false;
            }

            hostPart = authority[1..close];
            colon = close + 1;
        }
        else
        {
            colon = authority.LastIndexOf(':');
            if (colon < 0)
            {
                error = $"'{url}' has no port; expected http://ADDRESS:PORT";
                return false;
            }

            hostPart = authority[..colon];
            if (hostPart.Contains(':'))
            {
                // RFC 3986 §3.2.2: an IPv6 literal in a URL is written in brackets.
                error = $"'{url}': an IPv6 address needs brackets, e.g. http://[::1]:7285";
                return false;
            }
        }

        if (!int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            error = $"'{url}' has no valid port (1-65535)";
            return false;
        }

        if (hostPart.SequenceEqual("*"))
        {
            endpoint = new ListenerEndpoint(url, ListenerHost.AnyAddress, null, port);
        }
        else if (hostPart.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new ListenerEndpoint(url, ListenerHost.Localhost, null, port);
        }
        else if (IPAddress.TryParse(hostPart, out var address))
        {
            endpoint = new ListenerEndpoint(url, ListenerHost.Address, address, port);
        }
        else
        {
            error = $"'{url}': '{hostPart}' is not an IP address, '*' or 'localhost'";
            return false;
        }

        error = null;
        return true;
    }
}

internal enum ListenerHost
{
    Address,
    AnyAddress,
    Localhost,
}
