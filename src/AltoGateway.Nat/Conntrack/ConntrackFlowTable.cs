using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using AltoGateway.Nat.Map;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// Turns conntrack events into NAT map changes. Several flows often share one external address and
/// port: Linux's SNAT gives a new flow from an internal address and port the mapping an existing
/// flow from it already has (<c>find_appropriate_src</c> in net/netfilter/nf_nat_core.c), which is
/// what a peer talking to many peers from one socket does. So the table counts the live flows (by
/// CTA_ID) of each external address and port, removes a mapping only when its last flow is
/// destroyed, and keeps its lifetime at the longest of its flows' timeouts. One writer only.
/// </summary>
public sealed class ConntrackFlowTable
{
    /// <summary>
    /// Lifetime of a TCP mapping whose entry carried no CTA_TIMEOUT: the kernel's default for an
    /// established connection (<c>nf_conntrack_tcp_timeout_established</c>, 432000 s = 5 days).
    /// </summary>
    public static readonly TimeSpan DefaultTcpLifetime = TimeSpan.FromDays(5);

    /// <summary>
    /// Lifetime of a UDP mapping without CTA_TIMEOUT: the kernel's <c>nf_conntrack_udp_timeout_stream</c>
    /// (120 s, 180 s in older kernels); the larger one, so a mapping outlives its flow rather than the reverse.
    /// </summary>
    public static readonly TimeSpan DefaultUdpLifetime = TimeSpan.FromSeconds(180);

    /// <summary>Lifetime of an SCTP mapping without CTA_TIMEOUT: the kernel's established timeout (210 s).</summary>
    public static readonly TimeSpan DefaultSctpLifetime = TimeSpan.FromSeconds(210);

    private readonly HashSet<uint> _flowIds = [];
    private readonly Dictionary<ExternalKey, ExternalEntry> _externals = [];

    /// <summary>Live source-NATed flows known by their CTA_ID.</summary>
    public int FlowCount => _flowIds.Count;

    /// <summary>External addresses and ports with at least one live flow.</summary>
    public int MappingCount => _externals.Count;

    /// <summary>Forgets every flow: at the start of a resynchronisation, which rebuilds the table from a dump.</summary>
    public void Clear()
    {
        _flowIds.Clear();
        _externals.Clear();
    }

    /// <summary>Records the event and says what the NAT map must do; <paramref name="now"/> dates lifetimes.</summary>
    public ConntrackMapUpdate Apply(ConntrackEvent conntrackEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conntrackEvent);
        var outcome = conntrackEvent.TryGetSourceNatMapping(out var mapping);
        if (outcome != ConntrackMappingOutcome.SourceNat)
        {
            return new ConntrackMapUpdate(ConntrackMapAction.None, outcome, mapping, TimeSpan.Zero);
        }

        var key = ExternalKey.Of(mapping);
        return conntrackEvent.Kind == ConntrackEventKind.Destroy
            ? Destroy(conntrackEvent.Id, key, mapping)
            : Refresh(conntrackEvent, key, mapping, now);
    }

    /// <summary>The lifetime of a mapping whose entry carried no CTA_TIMEOUT.</summary>
    public static TimeSpan DefaultLifetime(NatProtocol protocol) => protocol switch
    {
        NatProtocol.Tcp => DefaultTcpLifetime,
        NatProtocol.Sctp => DefaultSctpLifetime,
        _ => DefaultUdpLifetime,
    };

    private ConntrackMapUpdate Refresh(ConntrackEvent conntrackEvent, ExternalKey key, NatMapping mapping, DateTimeOffset now)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_externals, key, out var existed);

        // A flow without CTA_ID cannot be told from the others: it counts once, and its destroy removes the mapping.
        if (conntrackEvent.Id is { } id)
        {
            if (_flowIds.Add(id) || !existed)
            {
                entry.Flows++;
            }
        }
        else
        {
            entry.Flows = Math.Max(entry.Flows, 1);
        }

        var deadline = now + (conntrackEvent.Timeout ?? DefaultLifetime(mapping.Protocol));
        if (!existed || deadline > entry.Deadline)
        {
            entry.Deadline = deadline;
        }

        return new ConntrackMapUpdate(ConntrackMapAction.Upsert, ConntrackMappingOutcome.SourceNat, mapping, entry.Deadline - now);
    }

    private ConntrackMapUpdate Destroy(uint? id, ExternalKey key, NatMapping mapping)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_externals, key);
        var known = id is { } flowId && _flowIds.Remove(flowId);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry) && id is not null)
        {
            if (known)
            {
                entry.Flows--;
            }

            // Other flows still use the mapping (an unknown flow's destroy never takes it from them).
            if (entry.Flows > 0)
            {
                return new ConntrackMapUpdate(ConntrackMapAction.None, ConntrackMappingOutcome.SourceNat, mapping, TimeSpan.Zero);
            }
        }

        _externals.Remove(key);
        return new ConntrackMapUpdate(ConntrackMapAction.Remove, ConntrackMappingOutcome.SourceNat, mapping, TimeSpan.Zero);
    }

    /// <summary>Protocol, port and address of the external side, without holding the IPAddress object.</summary>
    private readonly record struct ExternalKey(NatProtocol Protocol, ushort Port, bool IsIPv6, UInt128 Address)
    {
        public static ExternalKey Of(NatMapping mapping)
        {
            Span<byte> bytes = stackalloc byte[16];
            mapping.ExternalAddress.TryWriteBytes(bytes, out var length);
            var address = length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
            return new ExternalKey(mapping.Protocol, mapping.ExternalPort, length == 16, address);
        }
    }

    private struct ExternalEntry
    {
        public int Flows;
        public DateTimeOffset Deadline;
    }
}
