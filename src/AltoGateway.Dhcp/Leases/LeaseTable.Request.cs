using System.Net;

namespace AltoGateway.Dhcp.Leases;

public sealed partial class LeaseTable
{
    /// <summary>
    /// Decides a DHCPREQUEST and, on ACK, binds the lease (the returned record must reach the
    /// journal before the ACK is sent: <see cref="LeaseStore"/> does that). RFC 2131 §4.3.2:
    /// <list type="table">
    /// <item><term>SELECTING, server id not ours</term><description>the client chose another server: withdraw our offer, stay silent.</description></item>
    /// <item><term>SELECTING, ours</term><description>requested address acceptable for the client → ACK; else NAK (§3.1 step 4: "SHOULD respond with a DHCPNAK" when it cannot satisfy the request).</description></item>
    /// <item><term>INIT-REBOOT</term><description>requested address on the wrong network → NAK; no record of the client → silent ("MUST remain silent"); the client's notion of its address incorrect (not its binding, remembered binding, reservation or offer, or no longer available) → NAK; else ACK.</description></item>
    /// <item><term>RENEWING</term><description>ciaddr bound to the client (or still free and remembered for it) → ACK, extending the lease; else NAK, for the client unicast to us as the holder of its lease.</description></item>
    /// <item><term>REBINDING</term><description>as RENEWING ("SHOULD check ciaddr for correctness"), except that a client the server has no record of gets silence when ciaddr is free: another server may hold its lease.</description></item>
    /// </list>
    /// "Acceptable" means: the address may be held by this client (<see cref="Availability"/>) and the server has no other
    /// address for it (neither a current binding elsewhere nor an available reservation elsewhere).
    /// </summary>
    public (RequestDecision Decision, LeaseRecord? Record) Request(
        RequestState state, LeaseClient client, IPAddress? serverIdentifier, IPAddress? requestedAddress, IPAddress? clientAddress, TimeSpan? requestedLeaseTime = null)
    {
        var now = Now;
        switch (state)
        {
            case RequestState.Selecting when !_pool.ServerAddress.Equals(serverIdentifier):
                WithdrawOffer(client.Identity);
                return (RequestDecision.Ignore(IgnoreReason.OtherServerSelected), null);
            case RequestState.Selecting:
                return Decide(client, requestedAddress, now, requestedLeaseTime, silentWithoutRecord: false, noLease: NakReason.None);
            case RequestState.InitReboot:
                return Decide(client, requestedAddress, now, requestedLeaseTime, silentWithoutRecord: true, noLease: NakReason.NotClientsAddress);
            case RequestState.Renewing:
                return Decide(client, clientAddress, now, requestedLeaseTime, silentWithoutRecord: false, noLease: NakReason.NoSuchLease);
            case RequestState.Rebinding:
                return Decide(client, clientAddress, now, requestedLeaseTime, silentWithoutRecord: true, noLease: NakReason.NoSuchLease);
            default:
                return (RequestDecision.Ignore(IgnoreReason.Malformed), null);
        }
    }

    /// <param name="silentWithoutRecord">INIT-REBOOT and REBINDING: a client unknown here may be another server's.</param>
    /// <param name="noLease">All but SELECTING: the address must already be the client's (bound, remembered, reserved or offered); the NAK reason when it is not.</param>
    private (RequestDecision, LeaseRecord?) Decide(LeaseClient client, IPAddress? address, long now, TimeSpan? requestedLeaseTime, bool silentWithoutRecord, NakReason noLease)
    {
        if (!_pool.TryGetOffset(address, out var offset))
        {
            // §4.3.2: "the server SHOULD send a DHCPNAK … if the 'requested IP address' is … on the wrong network".
            return (RequestDecision.Nak(NakReason.WrongNetwork), null);
        }

        // INIT-REBOOT: a client without a record gets silence whatever it asks for (§4.3.2). REBINDING:
        // silence too, unless ciaddr is plainly not the client's (another's, quarantined, not in the pool).
        var hasRecord = HasRecord(client, now);
        if (silentWithoutRecord && !hasRecord && (noLease != NakReason.NoSuchLease || Availability(offset, client, now) == NakReason.None))
        {
            return (RequestDecision.Ignore(IgnoreReason.NoRecordOfClient), null);
        }

        var reason = Acceptability(offset, client, now);
        if (reason != NakReason.None)
        {
            return (RequestDecision.Nak(reason), null);
        }

        var extending = StateAt(offset, now) == LeaseState.Bound && _owner[offset] == client.Identity;
        if (noLease != NakReason.None && !extending && !(hasRecord && IsRememberedFor(offset, client, now)))
        {
            return (RequestDecision.Nak(noLease), null);
        }

        var expiry = now + Seconds(LeaseTimeFor(requestedLeaseTime));
        var record = Record(extending ? LeaseRecordKind.Extend : LeaseRecordKind.Bind, offset, client.Identity, expiry);
        return (RequestDecision.Ack(_pool.AddressAt(offset), DateTimeOffset.FromUnixTimeSeconds(expiry)), record);
    }

    /// <summary>Availability, plus "the server has no other address for this client" (RFC 2131 §4.3.2 "client's notion of its IP address").</summary>
    private NakReason Acceptability(int offset, LeaseClient client, long now)
    {
        if (_pool.TryGetReservation(client, out var reserved) && reserved != offset && Availability(reserved, client, now) == NakReason.None)
        {
            return NakReason.NotClientsAddress;
        }

        if (_slotByClient.TryGetValue(client.Identity, out var slot) && slot != offset && StateAt(slot, now) == LeaseState.Bound)
        {
            return NakReason.NotClientsAddress;
        }

        return Availability(offset, client, now);
    }

    /// <summary>The address is this client's by reservation, its remembered (released or expired) binding, or its offer.</summary>
    private bool IsRememberedFor(int offset, LeaseClient client, long now) =>
        _pool.IsReservedFor(offset, client)
        || (_owner[offset] == client.Identity && StateAt(offset, now) is LeaseState.Released or LeaseState.Expired)
        || (_offerByClient.TryGetValue(client.Identity, out var offered) && offered == offset && _offers[offered].Until > now);

    /// <summary>Does the server know this client: a reservation, a binding (current or remembered) or an offer?</summary>
    private bool HasRecord(LeaseClient client, long now) =>
        _pool.TryGetReservation(client, out _)
        || (_slotByClient.TryGetValue(client.Identity, out var slot) && StateAt(slot, now) != LeaseState.Free)
        || (_offerByClient.TryGetValue(client.Identity, out var offered) && _offers[offered].Until > now);

    /// <summary>DHCPRELEASE (RFC 2131 §4.3.4): the client's own binding becomes free, remembered for it.</summary>
    public (LeaseChangeOutcome Outcome, LeaseRecord? Record) Release(LeaseClient client, IPAddress address)
    {
        var now = Now;
        if (!_pool.TryGetOffset(address, out var offset))
        {
            return (LeaseChangeOutcome.NotInPool, null);
        }

        if (StateAt(offset, now) != LeaseState.Bound || _owner[offset] != client.Identity)
        {
            return (LeaseChangeOutcome.NotClientsAddress, null);
        }

        return (LeaseChangeOutcome.Applied, Record(LeaseRecordKind.Release, offset, client.Identity, now));
    }

    /// <summary>
    /// DHCPDECLINE (RFC 2131 §4.3.3): "the server MUST mark the network address as not available";
    /// quarantined for <see cref="LeaseTimes.DeclineQuarantine"/>. Only the client the address was
    /// offered or bound to can decline it, so no client can quarantine others' addresses.
    /// </summary>
    public (LeaseChangeOutcome Outcome, LeaseRecord? Record) Decline(LeaseClient client, IPAddress address)
    {
        var now = Now;
        if (!_pool.TryGetOffset(address, out var offset))
        {
            return (LeaseChangeOutcome.NotInPool, null);
        }

        var bound = StateAt(offset, now) == LeaseState.Bound && _owner[offset] == client.Identity;
        var offered = _offers.TryGetValue(offset, out var offer) && offer.Client == client.Identity && offer.Until > now;
        if (!bound && !offered)
        {
            return (LeaseChangeOutcome.NotClientsAddress, null);
        }

        return (LeaseChangeOutcome.Applied, Record(LeaseRecordKind.Decline, offset, client.Identity, now + Seconds(_times.DeclineQuarantine)));
    }

    /// <summary>
    /// An address found in use by someone the server did not give it to (a ping or ARP probe by the
    /// host before offering it): quarantined for <see cref="LeaseTimes.ConflictQuarantine"/>, its
    /// offer withdrawn. An address bound to a client is left alone: the probe found that client.
    /// </summary>
    public (LeaseChangeOutcome Outcome, LeaseRecord? Record) MarkInUse(IPAddress address)
    {
        var now = Now;
        if (!_pool.TryGetOffset(address, out var offset))
        {
            return (LeaseChangeOutcome.NotInPool, null);
        }

        if (StateAt(offset, now) == LeaseState.Bound)
        {
            return (LeaseChangeOutcome.AddressBound, null);
        }

        return (LeaseChangeOutcome.Applied, Record(LeaseRecordKind.Conflict, offset, default, now + Seconds(_times.ConflictQuarantine)));
    }
}
