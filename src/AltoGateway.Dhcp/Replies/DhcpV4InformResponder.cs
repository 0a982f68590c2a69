using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// INFORM-only mode: the agent sits beside the LAN's real DHCP server (dnsmasq, odhcpd) and answers DHCPINFORM
/// with the ALTO options and nothing else (RFC 2131 §3.4, §4.3.5): a DHCPACK with the server identifier (54),
/// the access domain (213), the directory URI in its site-specific option and the vendor option 125 (URI and
/// the peer ID of 'ciaddr'), no lease time, 'yiaddr' 0. Every other message is the real server's.
/// </summary>
public sealed class DhcpV4InformResponder(AltoDhcpOptions altoOptions)
{
    private readonly AltoDhcpOptions altoOptions = altoOptions ?? throw new ArgumentNullException(nameof(altoOptions));

    /// <summary>
    /// The answer to <paramref name="request"/> from the server at <paramref name="serverIdentifier"/> (the
    /// interface's address, RFC 2132 §9.7). <paramref name="peerIdOf"/> gives a subscriber's peer ID, or null when
    /// peer IDs are not sent.
    /// </summary>
    public DhcpV4Response Respond(DhcpV4Message request, IPAddress serverIdentifier, Func<IPAddress, string?>? peerIdOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(serverIdentifier);
        if (request.Operation != DhcpV4Operation.BootRequest || request.MessageType != DhcpV4MessageType.Inform)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.NotOurs);
        }

        // RFC 2131 §4.4.3: the client of a DHCPINFORM has its address in 'ciaddr'; without one there is no subscriber to name.
        var subscriber = request.ClientAddress.Equals(IPAddress.Any) ? null : request.ClientAddress;
        var peerId = subscriber is null ? null : peerIdOf?.Invoke(subscriber);
        var options = altoOptions.ForDhcpV4(request.ParameterRequestList, peerId);
        if (options.Count == 0)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.NotAsked);
        }

        return DhcpV4Response.Send(request, DhcpV4InformReply.Create(request, serverIdentifier, options));
    }
}
