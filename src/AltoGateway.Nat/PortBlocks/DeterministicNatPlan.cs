using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// An RFC 7422 deterministic CGN mapping, computed both ways in constant time and stored nowhere:
/// f1(inside address) = (outside address, port block) and f2(outside address, port) = inside address
/// (RFC 7422 §2: the CGN SHOULD offer a tool for both).
/// <para>
/// Ports: R (from port 0) is never mapped; each outside address then holds C blocks of
/// P = (65536 − |R|) / (C + D) ports for subscribers, and every port above them is the dynamic pool
/// (D blocks, plus the remainder of the division). RFC 7422 §2.3: I = 198.51.100.0/28,
/// O = 192.0.2.1, C = 14, D = 2, R = 0–1023 gives P = 4032; .1 → 1024–5055, .14 → 53440–57471,
/// dynamic 57472–65535.
/// </para>
/// <para>
/// Sequential (A = 0): subscriber s (numbered from 0, see <see cref="InsideSubscriberSpace"/>) gets block
/// s mod C of outside address s div C. Round robin (A = 2): subscriber s gets the range
/// [B + s·w, B + s·w + w − 1] on every outside address, where B is the first port after R and
/// w = ⌊P / |O|⌋, so that its ports in total are about P; the pool's C·|O| ranges come first, the
/// dynamic pool after them. Other algorithms are refused by <see cref="Validate"/>.
/// </para>
/// </summary>
public sealed class DeterministicNatPlan
{
    private readonly InsideSubscriberSpace _inside;
    private readonly OutsideAddressPool _outside;
    private readonly int _firstBlockPort;
    private readonly long _blocksPerAddress;

    private DeterministicNatPlan(DeterministicNatSettings settings)
    {
        var subscriberPrefixLength = InsideSubscriberSpace.EffectiveSubscriberPrefixLength(
            settings.InsidePrefix, settings.SubscriberPrefixLength);
        _inside = InsideSubscriberSpace.Create(settings.InsidePrefix, subscriberPrefixLength);
        _outside = OutsideAddressPool.Create(settings.OutsidePool);
        Algorithm = settings.Algorithm;
        CompressionRatio = settings.CompressionRatio;
        DynamicPoolFactor = settings.DynamicPoolFactor;
        ReservedPorts = settings.ReservedPorts;
        _firstBlockPort = settings.ReservedPorts.Last + 1;

        var ports = (int)DeterministicNatValidator.PortsPerSubscriber(settings);
        if (Algorithm == PortAllocationAlgorithm.RoundRobin)
        {
            PortsPerBlock = (int)(ports / _outside.Count);
            PortsPerSubscriber = PortsPerBlock * _outside.Count;
            _blocksPerAddress = CompressionRatio * _outside.Count;
        }
        else
        {
            PortsPerBlock = ports;
            PortsPerSubscriber = ports;
            _blocksPerAddress = CompressionRatio;
        }

        var dynamicFirst = _firstBlockPort + (_blocksPerAddress * PortsPerBlock);
        DynamicPorts = dynamicFirst <= ushort.MaxValue ? new PortRange((ushort)dynamicFirst, ushort.MaxValue) : null;
    }

    /// <summary>The allocation algorithm A.</summary>
    public PortAllocationAlgorithm Algorithm { get; }

    /// <summary>C.</summary>
    public int CompressionRatio { get; }

    /// <summary>D.</summary>
    public int DynamicPoolFactor { get; }

    /// <summary>R.</summary>
    public PortRange ReservedPorts { get; }

    /// <summary>The ports of one block on one outside address (P sequential, ⌊P / |O|⌋ round robin).</summary>
    public int PortsPerBlock { get; }

    /// <summary>The ports one subscriber holds in all (P sequential, the block times |O| round robin).</summary>
    public long PortsPerSubscriber { get; }

    /// <summary>The number of inside subscribers.</summary>
    public long SubscriberCount => _inside.Count;

    /// <summary>The number of outside addresses.</summary>
    public long OutsideAddressCount => _outside.Count;

    /// <summary>The dynamic pool on every outside address, or null when D = 0 left no port over.</summary>
    public PortRange? DynamicPorts { get; }

    /// <summary>Every problem of <paramref name="settings"/>; empty when a plan can be made from them.</summary>
    public static IReadOnlyList<DeterministicNatProblem> Validate(DeterministicNatSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DeterministicNatValidator.Validate(settings);
    }

    /// <summary>Makes a plan, or reports every problem of <paramref name="settings"/>.</summary>
    public static bool TryCreate(
        DeterministicNatSettings settings,
        [NotNullWhen(true)] out DeterministicNatPlan? plan,
        out IReadOnlyList<DeterministicNatProblem> problems)
    {
        problems = Validate(settings);
        plan = problems.Count == 0 ? new DeterministicNatPlan(settings) : null;
        return plan is not null;
    }

    /// <summary>f1: the port block of an inside address (RFC 7422 §2).</summary>
    public bool TryMapInside(IPAddress inside, out PortBlock block) => TryMapInside(inside, out block, out _);

    /// <summary>f1: the port block of an inside address, or why it has none (RFC 7422 §2).</summary>
    public bool TryMapInside(IPAddress inside, out PortBlock block, out InsideMappingError error)
    {
        ArgumentNullException.ThrowIfNull(inside);
        if (!_inside.TryGetIndex(inside, out var index, out error))
        {
            block = default;
            return false;
        }

        var roundRobin = Algorithm == PortAllocationAlgorithm.RoundRobin;
        var slot = roundRobin ? index : index % _blocksPerAddress;
        var external = roundRobin ? _outside.First : _outside.AddressAt(index / _blocksPerAddress);
        var first = _firstBlockPort + (slot * PortsPerBlock);
        block = new PortBlock(external, (ushort)first, (ushort)(first + PortsPerBlock - 1), index, roundRobin);
        return true;
    }

    /// <summary>Whether <paramref name="external"/> belongs to the outside pool O.</summary>
    public bool IsOutsideAddress(IPAddress external)
    {
        ArgumentNullException.ThrowIfNull(external);
        return _outside.TryGetIndex(external, out _);
    }

    /// <summary>f2: who owns an outside address and port (RFC 7422 §2).</summary>
    public OutsidePortOwner MapOutside(IPAddress external, ushort port)
    {
        ArgumentNullException.ThrowIfNull(external);
        var index = -1L;
        var kind = _outside.TryGetIndex(external, out var addressIndex) ? Owner(addressIndex, port, out index) : OutsidePortOwnerKind.NotInPool;
        return kind == OutsidePortOwnerKind.Subscriber
            ? new OutsidePortOwner(OutsidePortOwnerKind.Subscriber, _inside.AddressAt(index), _inside.SubscriberPrefixLength, index)
            : OutsidePortOwner.Of(kind);
    }

    /// <summary>
    /// f2 for an IPv4 outside address given as a number (host order), allocating nothing: for
    /// <see cref="OutsidePortOwnerKind.Subscriber"/>, <paramref name="subscriber"/> is the inside address (IPv4 in
    /// the low 32 bits; for an IPv6 subscriber prefix its first address) — the proxy resolves a hundred names per request.
    /// </summary>
    public OutsidePortOwnerKind MapOutside(uint external, ushort port, out UInt128 subscriber, out bool subscriberIsIPv4)
    {
        var index = -1L;
        var kind = _outside.TryGetIndex(external, out var addressIndex) ? Owner(addressIndex, port, out index) : OutsidePortOwnerKind.NotInPool;
        subscriber = kind == OutsidePortOwnerKind.Subscriber ? _inside.BitsAt(index) : default;
        subscriberIsIPv4 = _inside.IsIPv4;
        return kind;
    }

    /// <summary>Who owns <paramref name="port"/> of the outside address numbered <paramref name="addressIndex"/>; the subscriber's index when one does.</summary>
    private OutsidePortOwnerKind Owner(long addressIndex, ushort port, out long index)
    {
        index = -1;
        if (port < _firstBlockPort)
        {
            return OutsidePortOwnerKind.Reserved;
        }

        var slot = (port - _firstBlockPort) / (long)PortsPerBlock;
        if (slot >= _blocksPerAddress)
        {
            return OutsidePortOwnerKind.DynamicPool;
        }

        index = Algorithm == PortAllocationAlgorithm.RoundRobin ? slot : (addressIndex * _blocksPerAddress) + slot;
        return index < _inside.Count ? OutsidePortOwnerKind.Subscriber : OutsidePortOwnerKind.UnassignedBlock;
    }
}
