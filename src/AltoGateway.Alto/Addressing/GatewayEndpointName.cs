using System.Buffers;
using System.Globalization;

namespace AltoGateway.Alto.Addressing;

/// <summary>
/// An endpoint as a tracker names it in a third-party query to AltoGateway's proxy: an RFC 7285
/// typed endpoint address, or one of two AltoGateway extension address types.
/// <code>
/// endpoint     = typed-address / address-port / peer-id
/// typed-address = "ipv4:" IPv4address / "ipv6:" IPv6address                  ; RFC 7285 §10.4.3
/// address-port = "altogwipv4port:" IPv4address ":" port [ "/" protocol ]
///              / "altogwipv6port:" "[" IPv6address "]" ":" port [ "/" protocol ]
/// port         = a decimal number 1–65535 without leading zeros
/// protocol     = "tcp" / "udp" / "sctp"
/// peer-id      = "altogwpeer:" 1*64( ALPHA / DIGIT / "-" / "_" )               ; base64url
/// </code>
/// Why extension types: RFC 7285 §10.4.2 allows only alphanumeric address type names, defines
/// only "ipv4" and "ipv6", and §14.4 registers new ones by IETF Review; a public address and port
/// and a peer ID are not addresses of the ALTO address space at all, so they must not pose as one.
/// The "altogw" prefix keeps them clear of any type the IETF may register later.
/// </summary>
public sealed record GatewayEndpointName
{
    /// <summary>"altogwipv4port".</summary>
    public const string Ipv4PortType = "altogwipv4port";

    /// <summary>"altogwipv6port".</summary>
    public const string Ipv6PortType = "altogwipv6port";

    /// <summary>"altogwpeer".</summary>
    public const string PeerIdType = "altogwpeer";

    /// <summary>The longest peer ID accepted by the grammar (this agent's IDs are 27 characters).</summary>
    public const int MaxPeerIdLength = 64;

    private static readonly SearchValues<char> PeerIdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private GatewayEndpointName(string text, GatewayEndpointKind kind, TypedEndpointAddress address, ushort port, GatewayTransport transport, string? peerId)
    {
        Text = text;
        Kind = kind;
        Address = address;
        Port = port;
        Transport = transport;
        PeerId = peerId;
    }

    /// <summary>The name exactly as the tracker wrote it: answers are keyed by it.</summary>
    public string Text { get; }

    /// <summary>Which form the name has.</summary>
    public GatewayEndpointKind Kind { get; }

    /// <summary>The public address (<see cref="GatewayEndpointKind.Address"/> and <see cref="GatewayEndpointKind.AddressAndPort"/>).</summary>
    public TypedEndpointAddress Address { get; }

    /// <summary>The public port (<see cref="GatewayEndpointKind.AddressAndPort"/>), else 0.</summary>
    public ushort Port { get; }

    /// <summary>The protocol after the port, or <see cref="GatewayTransport.Any"/>.</summary>
    public GatewayTransport Transport { get; }

    /// <summary>The peer ID (<see cref="GatewayEndpointKind.PeerId"/>), else null.</summary>
    public string? PeerId { get; }

    /// <summary>Parses one name of the grammar above; never throws.</summary>
    public static bool TryParse(string? text, out GatewayEndpointName? name, out EndpointAddressError error)
    {
        name = null;
        if (!TypedEndpointAddress.TryFindTypeSeparator(text, out var colon, out error))
        {
            return false;
        }

        var type = text.AsSpan(0, colon);
        var rest = text.AsSpan(colon + 1);
        if (EndpointAddressTypeNames.TryParse(type, out _))
        {
            if (!TypedEndpointAddress.TryParse(text, out var address, out error))
            {
                return false;
            }

            name = new GatewayEndpointName(text, GatewayEndpointKind.Address, address, 0, GatewayTransport.Any, null);
            return true;
        }

        if (type.SequenceEqual(PeerIdType))
        {
            if (rest.IsEmpty || rest.Length > MaxPeerIdLength || rest.ContainsAnyExcept(PeerIdCharacters))
            {
                error = EndpointAddressError.BadAddress;
                return false;
            }

            name = new GatewayEndpointName(text, GatewayEndpointKind.PeerId, default, 0, GatewayTransport.Any, rest.ToString());
            error = EndpointAddressError.None;
            return true;
        }

        var family = type.SequenceEqual(Ipv4PortType) ? EndpointAddressType.Ipv4
            : type.SequenceEqual(Ipv6PortType) ? EndpointAddressType.Ipv6
            : (EndpointAddressType?)null;
        if (family is null)
        {
            error = EndpointAddressError.UnknownType;
            return false;
        }

        if (!TryParseAddressAndPort(family.Value, rest, out var value, out var port, out var transport))
        {
            error = EndpointAddressError.BadAddress;
            return false;
        }

        name = new GatewayEndpointName(text, GatewayEndpointKind.AddressAndPort, new TypedEndpointAddress(family.Value, value), port, transport, null);
        error = EndpointAddressError.None;
        return true;
    }

    /// <summary>The canonical form: lower-case names, RFC 5952 IPv6, the port without leading zeros.</summary>
    public string ToCanonicalString() => Kind switch
    {
        GatewayEndpointKind.Address => Address.ToString(),
        GatewayEndpointKind.PeerId => PeerIdType + ":" + PeerId,
        _ => (Address.Type == EndpointAddressType.Ipv4 ? Ipv4PortType + ":" + Address.AddressText : Ipv6PortType + ":[" + Address.AddressText + "]")
             + ":" + Port.ToString(CultureInfo.InvariantCulture)
             + (Transport == GatewayTransport.Any ? string.Empty : "/" + Transport.ToString().ToLowerInvariant()),
    };

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool TryParseAddressAndPort(EndpointAddressType family, ReadOnlySpan<char> text, out UInt128 value, out ushort port, out GatewayTransport transport)
    {
        value = default;
        port = 0;
        transport = GatewayTransport.Any;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseTransport(text[(slash + 1)..], out transport))
            {
                return false;
            }

            text = text[..slash];
        }

        var lastColon = text.LastIndexOf(':');
        if (lastColon < 0 || !TryParsePort(text[(lastColon + 1)..], out port))
        {
            return false;
        }

        var address = text[..lastColon];
        if (family == EndpointAddressType.Ipv6)
        {
            // RFC 3986 §3.2.2: an IPv6 literal followed by a port is written in brackets.
            if (address.Length < 2 || address[0] != '[' || address[^1] != ']')
            {
                return false;
            }

            address = address[1..^1];
        }

        return TypedEndpointAddress.TryParseAddress(family, address, out value);
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out ushort port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5 || text[0] == '0')
        {
            return false;
        }

        var number = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        if (number > ushort.MaxValue)
        {
            return false;
        }

        port = (ushort)number;
        return true;
    }

    private static bool TryParseTransport(ReadOnlySpan<char> text, out GatewayTransport transport)
    {
        transport = text switch
        {
            "tcp" => GatewayTransport.Tcp,
            "udp" => GatewayTransport.Udp,
            "sctp" => GatewayTransport.Sctp,
            _ => GatewayTransport.Any,
        };
        return transport != GatewayTransport.Any;
    }
}
