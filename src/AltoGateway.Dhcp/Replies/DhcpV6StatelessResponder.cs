using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// Stateless DHCPv6 (RFC 8415 §18.3.6): an Information-request gets a Reply with the Server Identifier, the
/// client's Client Identifier echoed, the ALTO options its ORO asks for (57, and 17 with the URI and the peer ID
/// under the configured enterprise number) and the Information Refresh Time (32). Solicit, Request and the rest
/// are a stateful server's and are ignored.
/// </summary>
public sealed class DhcpV6StatelessResponder
{
    // RFC 8415 §21.4, §21.5, §21.21: IA_NA, IA_TA, IA_PD.
    private static readonly ushort[] IdentityAssociations = [3, 4, 25];

    private readonly AltoDhcpOptions altoOptions;
    private readonly DhcpV6Duid serverId;
    private readonly uint refreshSeconds;

    /// <summary>A responder with the server's DUID and the refresh time it tells clients (at least 600 s).</summary>
    public DhcpV6StatelessResponder(AltoDhcpOptions altoOptions, DhcpV6Duid serverId, TimeSpan informationRefreshTime)
    {
        this.altoOptions = altoOptions ?? throw new ArgumentNullException(nameof(altoOptions));
        if (serverId.Value.IsEmpty)
        {
            throw new ArgumentException("The server needs a DUID (RFC 8415 §11).", nameof(serverId));
        }

        this.serverId = serverId;
        refreshSeconds = DhcpV6InformationRefreshTime.Seconds(informationRefreshTime);
    }

    /// <summary>The server's DUID, sent in every Reply.</summary>
    public DhcpV6Duid ServerId => serverId;

    /// <summary>
    /// The answer to <paramref name="request"/>, which came from <paramref name="source"/>. The peer ID goes only to a
    /// client whose source address names a subscriber: a link-local address (what RFC 8415 §18.2 has clients send
    /// from) is no subscriber's address, so such a client gets none. <paramref name="peerIdOf"/> is null when peer
    /// IDs are not sent.
    /// </summary>
    public DhcpV6Response Respond(DhcpV6Message request, IPAddress source, Func<IPAddress, string?>? peerIdOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        if (request is not DhcpV6ClientServerMessage { MessageType: DhcpV6MessageType.InformationRequest } inform)
        {
            return DhcpV6Response.Ignore(DhcpIgnoreReason.NotOurs);
        }

        // RFC 8415 §16.12: discard when it names another server, or carries an IA option.
        if (inform.FindOption(DhcpV6OptionCode.ServerId) is { } named && !named.Data.Span.SequenceEqual(serverId.Value.Span))
        {
            return DhcpV6Response.Ignore(DhcpIgnoreReason.OtherServer);
        }

        if (inform.Options.Any(o => IdentityAssociations.Contains(o.Code)))
        {
            return DhcpV6Response.Ignore(DhcpIgnoreReason.IdentityAssociation);
        }

        var peerId = NamesSubscriber(source) ? peerIdOf?.Invoke(source) : null;
        var options = new List<DhcpV6Option> { new(DhcpV6OptionCode.ServerId, serverId.Value) };
        if (inform.FindOption(DhcpV6OptionCode.ClientId) is { } clientId)
        {
            options.Add(clientId); // RFC 8415 §18.3.6: copied into the Reply
        }

        options.AddRange(altoOptions.ForDhcpV6(inform.RequestedOptions, peerId));

        // RFC 8415 §21.23: a server SHOULD send it in a Reply to an Information-request, and no value below IRT_MINIMUM.
        options.Add(DhcpV6Option.FromUInt32(DhcpV6OptionCode.InformationRefreshTime, refreshSeconds));
        return DhcpV6Response.Send(new DhcpV6ClientServerMessage
        {
            MessageType = DhcpV6MessageType.Reply,
            TransactionId = inform.TransactionId,
            Options = options,
        });
    }

    /// <summary>Whether a source address can be a subscriber's: unicast, not link-local, not loopback or unspecified.</summary>
    public static bool NamesSubscriber(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return !source.IsIPv6LinkLocal && !source.IsIPv6Multicast && !IPAddress.IsLoopback(source)
            && !source.Equals(IPAddress.IPv6Any) && !source.Equals(IPAddress.IPv6None);
    }
}
