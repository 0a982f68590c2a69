using System.Globalization;
using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// A DNS server as an operator writes it: "192.0.2.53", "192.0.2.53:5353", "2001:db8::53", "[2001:db8::53]:5353"
/// or "ns.example.net:53". An IPv6 address with a port must be in brackets (RFC 3986 §3.2.2). Port 53 by default.
/// </summary>
public sealed record DnsServerAddress(string Host, int Port, IPAddress? Address)
{
    /// <summary>The DNS port (RFC 1035 §4.2).</summary>
    public const int DefaultPort = 53;

    /// <summary>The endpoint, when the host is an address.</summary>
    public IPEndPoint? EndPoint => Address is null ? null : new IPEndPoint(Address, Port);

    /// <summary>Parses "host[:port]".</summary>
    public static bool TryParse(string? text, out DnsServerAddress server, out DnsServerAddressError error)
    {
        server = null!;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = DnsServerAddressError.Empty;
            return false;
        }

        string host;
        ReadOnlySpan<char> port = default;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                error = DnsServerAddressError.BadBrackets;
                return false;
            }

            host = text[1..close];
            port = close + 1 < text.Length ? text.AsSpan(close + 2) : default;
            if (!TryParseIpv6(host, out var v6))
            {
                error = DnsServerAddressError.BadIpv6Address;
                return false;
            }

            return Finish(host, v6, port, close + 1 < text.Length, out server, out error);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
        {
            // Two or more colons and no brackets: a bare IPv6 address, no port.
            if (!TryParseIpv6(text, out var bare))
            {
                error = DnsServerAddressError.BadIpv6Address;
                return false;
            }

            return Finish(text, bare, default, false, out server, out error);
        }

        host = colon < 0 ? text : text[..colon];
        port = colon < 0 ? default : text.AsSpan(colon + 1);
        if (TypedEndpointAddress.TryParseAddress(EndpointAddressType.Ipv4, host, out var v4))
        {
            return Finish(host, new TypedEndpointAddress(EndpointAddressType.Ipv4, v4).ToIPAddress(), port, colon >= 0, out server, out error);
        }

        if (!AccessDomainName.TryCreate(host, out _, out _) || host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            error = DnsServerAddressError.BadHost;
            return false;
        }

        return Finish(host, null, port, colon >= 0, out server, out error);
    }

    /// <summary>"host:port", IPv6 in brackets.</summary>
    public override string ToString() =>
        (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseIpv6(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    private static bool Finish(
        string host, IPAddress? address, ReadOnlySpan<char> portText, bool hasPort, out DnsServerAddress server, out DnsServerAddressError error)
    {
        server = null!;
        var port = DefaultPort;
        if (hasPort && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > ushort.MaxValue))
        {
            error = DnsServerAddressError.BadPort;
            return false;
        }

        server = new DnsServerAddress(host, port, address);
        error = DnsServerAddressError.None;
        return true;
    }
}
