using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>
/// The DHCPv4 relay of one client interface (RFC 1542 §4, RFC 2131 §4.1, RFC 3046), as pure decisions: what to
/// send to the servers for a client's BOOTREQUEST, and what to deliver to the client, and where, for a server's
/// BOOTREPLY. The ALTO options are put into every DHCPOFFER and DHCPACK on the way back
/// (<see cref="DhcpV4AltoOptionOverride"/>); the client's parameter request list comes from
/// <see cref="DhcpV4RelayRequestMemory"/>.
/// </summary>
public sealed class DhcpV4Relay
{
    private readonly DhcpV4RelaySettings _settings;
    private readonly AltoDhcpOptions _altoOptions;
    private readonly uint _enterpriseNumber;
    private readonly DhcpV4RelayRequestMemory _memory;
    private readonly IReadOnlyList<IPEndPoint> _servers;
    private readonly ReadOnlyMemory<byte>? _ourOption82;

    /// <summary>A relay forwarding to <see cref="DhcpV4RelaySettings.Servers"/>, adding <paramref name="altoOptions"/> to replies.</summary>
    public DhcpV4Relay(DhcpV4RelaySettings settings, AltoDhcpOptions altoOptions, uint enterpriseNumber, DhcpV4RelayRequestMemory memory)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _altoOptions = altoOptions ?? throw new ArgumentNullException(nameof(altoOptions));
        _memory = memory ?? throw new ArgumentNullException(nameof(memory));
        _enterpriseNumber = enterpriseNumber;
        _servers = [.. settings.Servers.Select(s => new IPEndPoint(s, DhcpV4ReplyDestination.ServerPort))];
        _ourOption82 = settings.AgentInformation?.ToOption().Data;
    }

    /// <summary>
    /// A client's BOOTREQUEST received on the client interface whose address is <paramref name="interfaceAddress"/>:
    /// <list type="bullet">
    /// <item>dropped when 'hops' exceeds 16 (RFC 1542 §4.1.1), or when it has 'giaddr' 0 and option 82 already and the
    /// interface is untrusted (RFC 3046 §2.1);</item>
    /// <item>'hops' incremented (RFC 1542 §4.1.2); 'giaddr' set to <paramref name="interfaceAddress"/> when it is 0,
    /// else kept: a relay nearer the client set it, and the servers answer that relay directly (RFC 1542 §4.1.2);</item>
    /// <item>when this relay is the first hop and option 82 is configured, option 82 added last, before End, unless
    /// the request already has one (RFC 3046 §2.1: never a second); a request another relay filled in is left without
    /// ours, since its reply does not come back through here to have it stripped;</item>
    /// <item>every other field and option as the client sent it; the broadcast bit untouched (RFC 1542 §4.1.2).</item>
    /// </list>
    /// </summary>
    public DhcpV4RelayedRequest ForwardRequest(DhcpV4Message request, IPAddress interfaceAddress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(interfaceAddress);
        if (request.Operation != DhcpV4Operation.BootRequest)
        {
            return DhcpV4RelayedRequest.Drop(DhcpV4RelayDropReason.WrongDirection);
        }

        if (request.Hops > DhcpV4RelaySettings.MaximumHops)
        {
            return DhcpV4RelayedRequest.Drop(DhcpV4RelayDropReason.TooManyHops);
        }

        if (!_settings.Trusted && DhcpV4RelayAgentOption.CarriesOptionWithoutGatewayAddress(request))
        {
            return DhcpV4RelayedRequest.Drop(DhcpV4RelayDropReason.UntrustedRelayAgentInformation);
        }

        var firstHop = request.GatewayAddress.Equals(IPAddress.Any);
        var forwarded = request with
        {
            Hops = (byte)(request.Hops + 1),
            GatewayAddress = firstHop ? interfaceAddress : request.GatewayAddress,
        };
        if (firstHop)
        {
            if (_settings.AgentInformation is { } information)
            {
                _ = DhcpV4RelayAgentOption.TryAddToRequest(forwarded, information, out forwarded);
            }

            _memory.Remember(request);
        }

        return DhcpV4RelayedRequest.Forward(forwarded, _servers);
    }

    /// <summary>
    /// A BOOTREPLY from <paramref name="source"/>:
    /// <list type="bullet">
    /// <item>dropped unless <paramref name="source"/> is a configured server and 'giaddr' is one of
    /// <paramref name="interfaceAddresses"/> (a reply to our own relaying);</item>
    /// <item>option 82 removed when it is the one this relay adds (RFC 3046 §2.1: the relay MUST strip it toward the
    /// client); an option 82 that some trusted agent nearer the client added is left for that agent;</item>
    /// <item>a DHCPOFFER or DHCPACK gets the ALTO options the client asked for (or all, with AlwaysSend), with the
    /// peer ID of 'yiaddr', or of 'ciaddr' for the DHCPACK of a DHCPINFORM (RFC 2131 §4.3.5), replacing the server's
    /// options with the same codes; a DHCPNAK and BOOTP replies pass as they are;</item>
    /// <item>delivered per RFC 2131 §4.1 as if this relay were the server: a DHCPNAK or the broadcast bit →
    /// broadcast, 'ciaddr' set → unicast to it, else (no ARP entry can be made for 'chaddr') broadcast.</item>
    /// </list>
    /// </summary>
    public DhcpV4RelayedReply ReturnReply(DhcpV4Message reply, IPAddress source, IReadOnlyCollection<IPAddress> interfaceAddresses, Func<IPAddress, string?>? peerIdOf)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(interfaceAddresses);
        if (reply.Operation != DhcpV4Operation.BootReply)
        {
            return DhcpV4RelayedReply.Drop(DhcpV4RelayDropReason.WrongDirection);
        }

        if (!_settings.Servers.Contains(source))
        {
            return DhcpV4RelayedReply.Drop(DhcpV4RelayDropReason.UnknownServer);
        }

        if (!interfaceAddresses.Contains(reply.GatewayAddress))
        {
            return DhcpV4RelayedReply.Drop(DhcpV4RelayDropReason.NotOurGatewayAddress);
        }

        var message = reply;
        if (_ourOption82 is { } ours && reply.FindOption(DhcpV4OptionCode.RelayAgentInformation) is { } echoed && echoed.Data.Span.SequenceEqual(ours.Span))
        {
            message = DhcpV4RelayAgentOption.StripFromReply(reply, out _);
        }

        var remembered = _memory.TryRecall(reply, out var parameterRequestList, out var maximumLength);
        if (reply.MessageType is DhcpV4MessageType.Offer or DhcpV4MessageType.Ack)
        {
            var subscriber = !reply.YourAddress.Equals(IPAddress.Any) ? reply.YourAddress
                : !reply.ClientAddress.Equals(IPAddress.Any) ? reply.ClientAddress
                : null;
            var peerId = subscriber is null ? null : peerIdOf?.Invoke(subscriber);
            var prl = remembered ? parameterRequestList : reply.ParameterRequestList.ToArray();
            var alto = _altoOptions.ForDhcpV4(prl, peerId);
            message = message with { Options = DhcpV4AltoOptionOverride.Apply(message.Options, alto, _enterpriseNumber) };
        }

        // RFC 2131 §4.1 from the client's side of the relay: the reply's 'flags' and 'ciaddr' are the request's
        // (RFC 2131 Table 3), so the rule is the server's with 'giaddr' taken as 0.
        var destination = DhcpV4ReplyDestination.Choose(reply with { GatewayAddress = IPAddress.Any }, message);
        return DhcpV4RelayedReply.Deliver(message, destination, maximumLength);
    }
}
