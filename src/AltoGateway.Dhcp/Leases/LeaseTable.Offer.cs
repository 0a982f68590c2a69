using System.Net;

namespace AltoGateway.Dhcp.Leases;

public sealed partial class LeaseTable
{
    /// <summary>
    /// Picks the address for a DHCPOFFER and holds it for <see cref="LeaseTimes.OfferHold"/> (not
    /// journaled). RFC 2131 §4.3.1's order: the client's current binding, its previous binding,
    /// the requested address (option 50) if valid and free, then a free address — preferring one
    /// nobody is remembered on over the one released or expired longest ago. A static reservation
    /// counts as the client's binding and comes first; a reserved address never goes to anyone else.
    /// </summary>
    public OfferResult Offer(LeaseClient client, IPAddress? requestedAddress = null, TimeSpan? requestedLeaseTime = null)
    {
        var now = Now;
        SweepOffers(now);
        var (source, offset) = ChooseOffer(client, requestedAddress, now);
        if (source == OfferSource.PoolExhausted)
        {
            return OfferResult.Exhausted;
        }

        WithdrawOffer(client.Identity);
        WithdrawOfferAt(offset);
        var offer = new PendingOffer(client.Identity, now + Seconds(_times.OfferHold));
        _offers[offset] = offer;
        _offerByClient[client.Identity] = offset;
        _offersByAge.Enqueue((offset, offer));
        return new OfferResult(source, _pool.AddressAt(offset), LeaseTimeFor(requestedLeaseTime));
    }

    private (OfferSource Source, int Offset) ChooseOffer(LeaseClient client, IPAddress? requestedAddress, long now)
    {
        if (_pool.TryGetReservation(client, out var reserved) && Availability(reserved, client, now) == NakReason.None)
        {
            return (OfferSource.Reservation, reserved);
        }

        if (_offerByClient.TryGetValue(client.Identity, out var offered) && _offers[offered].Until > now && Availability(offered, client, now) == NakReason.None)
        {
            return (OfferSource.CurrentBinding, offered);
        }

        if (_slotByClient.TryGetValue(client.Identity, out var slot) && Availability(slot, client, now) == NakReason.None)
        {
            switch (StateAt(slot, now))
            {
                case LeaseState.Bound:
                    return (OfferSource.CurrentBinding, slot);
                case LeaseState.Released or LeaseState.Expired:
                    return (OfferSource.PreviousBinding, slot);
            }
        }

        if (_pool.TryGetOffset(requestedAddress, out var requested) && Availability(requested, client, now) == NakReason.None)
        {
            return (OfferSource.RequestedAddress, requested);
        }

        return FindFree(client, now) is var free and >= 0 ? (OfferSource.FreeAddress, free) : (OfferSource.PoolExhausted, -1);
    }

    /// <summary>A poolable address nobody holds: first one never used (next fit from a moving cursor), else the one forgotten-soonest.</summary>
    private int FindFree(LeaseClient client, long now)
    {
        var size = _state.Length;
        var oldest = -1;
        for (var step = 0; step < size; step++)
        {
            var offset = (_cursor + step) % size;
            if (!_pool.IsPoolable(offset) || IsOfferedToAnother(offset, client.Identity, now))
            {
                continue;
            }

            switch (StateAt(offset, now))
            {
                case LeaseState.Free:
                    _cursor = (offset + 1) % size;
                    return offset;
                case LeaseState.Released or LeaseState.Expired when oldest < 0 || _until[offset] < _until[oldest]:
                    oldest = offset;
                    break;
            }
        }

        return oldest;
    }

    /// <summary>
    /// Whether <paramref name="client"/> may hold <paramref name="offset"/> at all, and if not why:
    /// in a range or reserved for it, not quarantined, not bound or offered to another client.
    /// A free address remembered for another client is available (RFC 2131 §4.3.1: it is not allocated).
    /// </summary>
    private NakReason Availability(int offset, LeaseClient client, long now)
    {
        if (!_pool.IsPoolable(offset) && !_pool.IsReservedFor(offset, client))
        {
            return _pool.TryGetReservedOwner(offset, out _) ? NakReason.AddressInUse : NakReason.AddressNotInPool;
        }

        return StateAt(offset, now) switch
        {
            LeaseState.Declined => NakReason.AddressQuarantined,
            LeaseState.Bound when _owner[offset] != client.Identity => NakReason.AddressInUse,
            _ when IsOfferedToAnother(offset, client.Identity, now) => NakReason.AddressInUse,
            _ => NakReason.None,
        };
    }

    /// <summary>
    /// Forgets the offers whose hold is over, oldest first: amortised O(1) per offer, since every offer is queued once
    /// and the hold is the same for all, so the queue is in expiry order. An entry whose offer was withdrawn or
    /// replaced since is dropped without effect; after the clock stepped back, the offers made before are forgotten
    /// (a server may forget an offer, RFC 2131 §4.3.1).
    /// </summary>
    private void SweepOffers(long now)
    {
        // An entry held longer than any hold from now was made before the clock stepped back: forgotten too, so a
        // step back never lets the queue grow behind a head that does not expire.
        var latest = now + Seconds(_times.OfferHold);
        while (_offersByAge.TryPeek(out var oldest) && (oldest.Offer.Until <= now || oldest.Offer.Until > latest))
        {
            _offersByAge.Dequeue();
            if (_offers.TryGetValue(oldest.Offset, out var current) && current == oldest.Offer)
            {
                _offers.Remove(oldest.Offset);
                _offerByClient.Remove(current.Client);
            }
        }
    }

    /// <summary>The lease to give: what the client asked for (option 51), at most <see cref="LeaseTimes.MaxLeaseTime"/>; <see cref="LeaseTimes.LeaseTime"/> when it asked for none.</summary>
    private TimeSpan LeaseTimeFor(TimeSpan? requested) =>
        requested is { } asked && asked > TimeSpan.Zero
            ? TimeSpan.FromSeconds(Math.Clamp(Seconds(asked), 1, Seconds(_times.MaxLeaseTime)))
            : TimeSpan.FromSeconds(Seconds(_times.LeaseTime));

    private static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);
}
