using System.Net;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.ServerMode;

/// <summary>
/// The DHCPv4 server of one interface (RFC 2131 §4.3), without sockets: a client's message in, the reply (or why
/// there is none) out, the leases in a <see cref="LeaseStore"/>.
/// <list type="bullet">
/// <item>DHCPDISCOVER → DHCPOFFER of <see cref="LeaseStore.Offer"/>'s address (§4.3.1), or nothing when the pool is exhausted.</item>
/// <item>DHCPREQUEST → its state from <see cref="RequestStateClassifier"/> (SELECTING, INIT-REBOOT, RENEWING, REBINDING), then
/// <see cref="LeaseStore.Request"/>'s decision (§4.3.2): DHCPACK only once the binding is on disk, DHCPNAK with the reason
/// in option 56, or silence.</item>
/// <item>DHCPDECLINE → the address quarantined (§4.3.3); DHCPRELEASE → the binding freed (§4.3.4); neither is answered.</item>
/// <item>DHCPINFORM → a DHCPACK with the configuration and the ALTO options, no lease time, 'yiaddr' 0 (§4.3.5).</item>
/// </list>
/// An OFFER and an ACK carry 51, 58 and 59 (<see cref="DhcpV4LeaseTimers"/>) then <see cref="DhcpV4ServerParameters"/>'s
/// options, the peer ID in 125 being the one of the address given. A journal that cannot be written throws
/// <see cref="IOException"/> from the commit: then nothing is sent, and the client tries again.
/// Calls may overlap: the store serialises its decisions.
/// </summary>
public sealed class DhcpV4Server
{
    private readonly LeaseStore leases;
    private readonly DhcpV4ServerParameters parameters;
    private readonly TimeProvider time;
    private readonly DhcpV4Option serverIdentifierOption;

    /// <summary>51, 58 and 59 of the last lease time given: nearly every lease has the same, and they are made once.</summary>
    private volatile LeaseTimerOptions? lastTimers;

    public DhcpV4Server(LeaseStore leases, DhcpV4ServerParameters parameters, TimeProvider time)
    {
        this.leases = leases ?? throw new ArgumentNullException(nameof(leases));
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        serverIdentifierOption = DhcpV4ServerMessages.ServerIdentifierOption(leases.Pool.ServerAddress);
    }

    /// <summary>The server identifier (option 54, RFC 2132 §9.7): the pool's server address.</summary>
    public IPAddress ServerIdentifier => leases.Pool.ServerAddress;

    public LeaseStore Leases => leases;

    /// <summary>
    /// The answer to <paramref name="request"/>, once any lease change it made is on disk. <paramref name="receivedByBroadcast"/>:
    /// whether it came broadcast or through a relay (tells REBINDING from RENEWING). <paramref name="peerIdOf"/> gives a
    /// subscriber's peer ID, null when peer IDs are not sent.
    /// </summary>
    public async ValueTask<DhcpV4Response> RespondAsync(
        DhcpV4Message request, bool receivedByBroadcast, Func<IPAddress, string?>? peerIdOf, CancellationToken cancellationToken = default)
    {
        var response = Respond(request, receivedByBroadcast, peerIdOf, out var commitTicket);
        await leases.CommitAsync(commitTicket, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// <see cref="RespondAsync"/>'s answer without waiting for the disk: the reply may be sent only once
    /// <see cref="LeaseStore.Commit"/> of <paramref name="commitTicket"/> returned (0: nothing to write, send at once).
    /// A socket's loop answers what it has read, commits the highest ticket once, then sends the replies.
    /// </summary>
    public DhcpV4Response Respond(DhcpV4Message request, bool receivedByBroadcast, Func<IPAddress, string?>? peerIdOf, out long commitTicket)
    {
        ArgumentNullException.ThrowIfNull(request);
        commitTicket = 0;
        if (request.Operation != DhcpV4Operation.BootRequest || request.MessageType is not { } type)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.NotOurs); // a BOOTREPLY, or BOOTP (no option 53)
        }

        // Server mode serves the interface's own subnet; a relay's 'giaddr' names the client's subnet (RFC 2131 §4.3.1).
        if (!request.GatewayAddress.Equals(IPAddress.Any) && !leases.Pool.Contains(request.GatewayAddress))
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.OtherSubnet);
        }

        if (!TryGetClient(request, out var client))
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.MalformedRequest);
        }

        switch (type)
        {
            case DhcpV4MessageType.Discover:
                return Discover(request, client, peerIdOf);
            case DhcpV4MessageType.Request:
                return Request(request, client, receivedByBroadcast, peerIdOf, out commitTicket);
            case DhcpV4MessageType.Decline:
                return Decline(request, client, out commitTicket);
            case DhcpV4MessageType.Release:
                return Release(request, client, out commitTicket);
            case DhcpV4MessageType.Inform:
                return Inform(request, peerIdOf);
            default:
                return DhcpV4Response.Ignore(DhcpIgnoreReason.NotOurs);
        }
    }

    private DhcpV4Response Discover(DhcpV4Message request, LeaseClient client, Func<IPAddress, string?>? peerIdOf)
    {
        var offer = leases.Offer(client, Address(request, DhcpV4OptionCode.RequestedIpAddress), RequestedLeaseTime(request));
        if (!offer.IsOffered)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.PoolExhausted);
        }

        var options = LeaseOptions(request, offer.Address!, offer.LeaseTime, peerIdOf);
        return DhcpV4Response.Send(request, DhcpV4ServerMessages.Offer(request, serverIdentifierOption, offer.Address!, options));
    }

    private DhcpV4Response Request(DhcpV4Message request, LeaseClient client, bool receivedByBroadcast, Func<IPAddress, string?>? peerIdOf, out long commitTicket)
    {
        commitTicket = 0;
        var serverIdentifier = Address(request, DhcpV4OptionCode.ServerIdentifier);
        var requested = Address(request, DhcpV4OptionCode.RequestedIpAddress);
        var state = RequestStateClassifier.Classify(serverIdentifier, requested, request.ClientAddress, receivedByBroadcast);
        if (state == RequestState.Malformed)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.MalformedRequest);
        }

        var decision = leases.Request(state, client, serverIdentifier, requested, request.ClientAddress, RequestedLeaseTime(request), out commitTicket);
        switch (decision.Outcome)
        {
            case RequestOutcome.Ack:
                var options = LeaseOptions(request, decision.Address!, decision.LeaseTimeFrom(time.GetUtcNow()), peerIdOf);
                return DhcpV4Response.Send(request, DhcpV4ServerMessages.Ack(request, serverIdentifierOption, decision.Address!, options));
            case RequestOutcome.Nak:
                return DhcpV4Response.Send(request, DhcpV4ServerMessages.Nak(request, ServerIdentifier, NakMessage(decision.NakReason)));
            default:
                return DhcpV4Response.Ignore(decision.IgnoreReason switch
                {
                    IgnoreReason.OtherServerSelected => DhcpIgnoreReason.OtherServer,
                    IgnoreReason.NoRecordOfClient => DhcpIgnoreReason.NoRecordOfClient,
                    _ => DhcpIgnoreReason.MalformedRequest,
                });
        }
    }

    /// <summary>RFC 2131 §4.3.3: the client found the address in use; "the server MUST mark the network address as not available".</summary>
    private DhcpV4Response Decline(DhcpV4Message request, LeaseClient client, out long commitTicket)
    {
        commitTicket = 0;
        if (NamesOtherServer(request))
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.OtherServer);
        }

        // Table 5: a DHCPDECLINE MUST carry the requested address (50).
        if (Address(request, DhcpV4OptionCode.RequestedIpAddress) is not { } declined)
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.MalformedRequest);
        }

        _ = leases.Decline(client, declined, out commitTicket);
        return DhcpV4Response.Ignore(DhcpIgnoreReason.NoReplyDue);
    }

    /// <summary>RFC 2131 §4.3.4: the client gives up 'ciaddr'; the server marks it free and remembers it for the client.</summary>
    private DhcpV4Response Release(DhcpV4Message request, LeaseClient client, out long commitTicket)
    {
        commitTicket = 0;
        if (NamesOtherServer(request))
        {
            return DhcpV4Response.Ignore(DhcpIgnoreReason.OtherServer);
        }

        _ = leases.Release(client, request.ClientAddress, out commitTicket);
        return DhcpV4Response.Ignore(DhcpIgnoreReason.NoReplyDue);
    }

    /// <summary>RFC 2131 §4.3.5: the configuration for a client that has its address ('ciaddr'); no lease time, 'yiaddr' 0.</summary>
    private DhcpV4Response Inform(DhcpV4Message request, Func<IPAddress, string?>? peerIdOf)
    {
        var subscriber = request.ClientAddress.Equals(IPAddress.Any) ? null : request.ClientAddress;
        var peerId = subscriber is null ? null : peerIdOf?.Invoke(subscriber);
        var reply = DhcpV4InformReply.Create(request, ServerIdentifier, parameters.For(request.ParameterRequestList, peerId));
        return DhcpV4Response.Send(request, reply);
    }

    /// <summary>51, 58, 59 (RFC 2131 §4.4.5), then the configuration and the ALTO options with the peer ID of <paramref name="address"/>.</summary>
    private List<DhcpV4Option> LeaseOptions(DhcpV4Message request, IPAddress address, TimeSpan leaseTime, Func<IPAddress, string?>? peerIdOf)
    {
        var timers = lastTimers;
        if (timers is null || timers.LeaseTime != leaseTime)
        {
            var (lease, renewal, rebinding) = DhcpV4LeaseTimers.For(leaseTime);
            lastTimers = timers = new LeaseTimerOptions(leaseTime,
            [
                DhcpV4Option.FromUInt32(DhcpV4OptionCode.LeaseTime, lease),
                DhcpV4Option.FromUInt32(DhcpV4OptionCode.RenewalTime, renewal),
                DhcpV4Option.FromUInt32(DhcpV4OptionCode.RebindingTime, rebinding),
            ]);
        }

        var configuration = parameters.For(request.ParameterRequestList, peerIdOf?.Invoke(address));
        var options = new List<DhcpV4Option>(timers.Options.Length + configuration.Count);
        options.AddRange(timers.Options);
        options.AddRange(configuration);
        return options;
    }

    private sealed record LeaseTimerOptions(TimeSpan LeaseTime, DhcpV4Option[] Options);

    private bool NamesOtherServer(DhcpV4Message request) =>
        Address(request, DhcpV4OptionCode.ServerIdentifier) is { } named && !named.Equals(ServerIdentifier);

    /// <summary>The client as RFC 2131 §4.2 keys it; false for an option 61 longer than one option can be (RFC 3396 joins instances).</summary>
    private static bool TryGetClient(DhcpV4Message request, out LeaseClient client)
    {
        client = default;
        var identifier = request.FindOption(DhcpV4OptionCode.ClientIdentifier)?.Data ?? ReadOnlyMemory<byte>.Empty;
        if (identifier.Length > ClientIdentity.MaxLength)
        {
            return false;
        }

        client = LeaseClient.FromMessage(identifier.Span, request.HardwareType, request.ClientHardwareAddress.Span);
        return true;
    }

    private static IPAddress? Address(DhcpV4Message request, byte code) =>
        request.FindOption(code) is { } option && option.TryGetAddress(out var address) ? address : null;

    private static TimeSpan? RequestedLeaseTime(DhcpV4Message request) =>
        request.FindOption(DhcpV4OptionCode.LeaseTime) is { } option && option.TryGetUInt32(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>The text of option 56 in a DHCPNAK (RFC 2132 §9.9).</summary>
    public static string NakMessage(NakReason reason) => reason switch
    {
        NakReason.WrongNetwork => "requested address is not on this network",
        NakReason.AddressInUse => "requested address is in use by another client",
        NakReason.AddressNotInPool => "requested address is not handed out by this server",
        NakReason.AddressQuarantined => "requested address is unavailable (declined or in use)",
        NakReason.NotClientsAddress => "this server has another address for the client",
        NakReason.NoSuchLease => "no lease of this client on ciaddr",
        _ => "request refused",
    };
}
