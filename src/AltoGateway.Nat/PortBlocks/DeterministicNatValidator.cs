using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>Checks <see cref="DeterministicNatSettings"/> against RFC 7422 §2 and reports every problem.</summary>
internal static class DeterministicNatValidator
{
    /// <summary>Subscribers are numbered with at most this many bits (4 294 967 296 of them).</summary>
    public const int MaxIndexBits = 32;

    public static List<DeterministicNatProblem> Validate(DeterministicNatSettings settings)
    {
        var problems = new List<DeterministicNatProblem>();
        var subscriberCount = CheckInside(settings, problems);
        var outsideCount = CheckOutside(settings, problems);
        var portsPerSubscriber = CheckPorts(settings, problems);
        CheckAlgorithm(settings.Algorithm, problems);

        // RFC 7422 §2: C is inside addresses per outside address, so C × |O| must cover I.
        if (subscriberCount > 0 && outsideCount > 0 && settings.CompressionRatio >= 1
            && subscriberCount > settings.CompressionRatio * outsideCount)
        {
            Add(problems, DeterministicNatProblemKind.TooManySubscribers,
                $"CompressionRatio × outside addresses = {settings.CompressionRatio} × {outsideCount} is less than the {subscriberCount} inside subscribers");
        }

        if (settings.Algorithm == PortAllocationAlgorithm.RoundRobin && portsPerSubscriber > 0
            && outsideCount > portsPerSubscriber)
        {
            Add(problems, DeterministicNatProblemKind.RoundRobinRangeEmpty,
                $"round robin spreads {portsPerSubscriber} ports per subscriber over {outsideCount} outside addresses: less than one port on each");
        }

        return problems;
    }

    /// <summary>(65536 − |R|) / (C + D) of RFC 7422 §2, or 0 when the parameters give none.</summary>
    public static long PortsPerSubscriber(DeterministicNatSettings settings)
    {
        var blocks = (long)settings.CompressionRatio + settings.DynamicPoolFactor;
        var usable = 65536L - (settings.ReservedPorts.Last + 1L);
        return blocks > 0 && usable > 0 ? usable / blocks : 0;
    }

    private static long CheckInside(DeterministicNatSettings settings, List<DeterministicNatProblem> problems)
    {
        var inside = settings.InsidePrefix;
        var length = InsideSubscriberSpace.EffectiveSubscriberPrefixLength(inside, settings.SubscriberPrefixLength);
        if (length < 0)
        {
            Add(problems, DeterministicNatProblemKind.SubscriberPrefixLengthInvalid,
                inside.BaseAddress.AddressFamily == AddressFamily.InterNetwork
                    ? $"SubscriberPrefixLength must be unset or 32 for the IPv4 inside prefix {inside} (is {settings.SubscriberPrefixLength})"
                    : $"SubscriberPrefixLength must lie between {inside.PrefixLength} and 128 for the inside prefix {inside} (is {settings.SubscriberPrefixLength})");
            return 0;
        }

        var bits = InsideSubscriberSpace.IndexBits(inside, length);
        if (bits > MaxIndexBits)
        {
            Add(problems, DeterministicNatProblemKind.InsideRangeTooLarge,
                $"the inside prefix {inside} holds 2^{bits} subscribers of /{length}; at most 2^{MaxIndexBits} are supported");
            return 0;
        }

        return InsideSubscriberSpace.Create(inside, length).Count;
    }

    private static long CheckOutside(DeterministicNatSettings settings, List<DeterministicNatProblem> problems)
    {
        var pool = settings.OutsidePool;
        if (pool is null || pool.Count == 0)
        {
            Add(problems, DeterministicNatProblemKind.OutsidePoolEmpty, "OutsidePool must hold at least one IPv4 address or prefix");
            return 0;
        }

        var ipv4 = new List<IPNetwork>(pool.Count);
        foreach (var prefix in pool)
        {
            if (prefix.BaseAddress.AddressFamily == AddressFamily.InterNetwork)
            {
                ipv4.Add(prefix);
            }
            else
            {
                Add(problems, DeterministicNatProblemKind.OutsidePoolNotIPv4, $"OutsidePool entry {prefix} is not IPv4");
            }
        }

        var runs = OutsideAddressPool.SortedRuns(ipv4);
        long total = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            total += runs[i].Count;
            if (i > 0 && runs[i].Start < runs[i - 1].Start + runs[i - 1].Count)
            {
                Add(problems, DeterministicNatProblemKind.OutsidePoolOverlaps,
                    $"OutsidePool entries overlap at {Ipv4(runs[i].Start)}");
            }
        }

        return ipv4.Count == pool.Count ? total : 0;
    }

    private static long CheckPorts(DeterministicNatSettings settings, List<DeterministicNatProblem> problems)
    {
        var ok = true;
        if (settings.CompressionRatio < 1)
        {
            Add(problems, DeterministicNatProblemKind.CompressionRatioInvalid,
                $"CompressionRatio must be at least 1 (is {settings.CompressionRatio})");
            ok = false;
        }

        if (settings.DynamicPoolFactor < 0)
        {
            Add(problems, DeterministicNatProblemKind.DynamicPoolFactorInvalid,
                $"DynamicPoolFactor must be 0 or more (is {settings.DynamicPoolFactor})");
            ok = false;
        }

        var reserved = settings.ReservedPorts;
        if (reserved.First != 0 || reserved.Last < reserved.First || reserved.Last == ushort.MaxValue)
        {
            // Port 0 is no transport port, so R always holds it; blocks start right after R.
            Add(problems, DeterministicNatProblemKind.ReservedPortsInvalid,
                $"ReservedPorts must run from port 0 to a port below 65535, e.g. 0-1023 (is {reserved})");
            ok = false;
        }

        if (!ok)
        {
            return 0;
        }

        var ports = PortsPerSubscriber(settings);
        if (ports == 0)
        {
            Add(problems, DeterministicNatProblemKind.NoPortsPerSubscriber,
                $"(65536 - {reserved.Count} reserved ports) / (CompressionRatio {settings.CompressionRatio} + DynamicPoolFactor {settings.DynamicPoolFactor}) leaves no port per subscriber");
        }

        return ports;
    }

    private static void CheckAlgorithm(PortAllocationAlgorithm algorithm, List<DeterministicNatProblem> problems)
    {
        var reason = algorithm switch
        {
            PortAllocationAlgorithm.Sequential or PortAllocationAlgorithm.RoundRobin => null,
            PortAllocationAlgorithm.Staggered =>
                "staggered (1) is not supported: RFC 7422 §2's formula gives neighbouring addresses the same ports",
            PortAllocationAlgorithm.InterlacedHorizontally =>
                "interlaced horizontally (3) is not supported: RFC 7422 §2 defines no block layout for it",
            PortAllocationAlgorithm.CryptographicallyRandom =>
                "cryptographically random (4) is not supported: its function and keys are the operator's (RFC 6431 §2.4)",
            PortAllocationAlgorithm.VendorSpecific =>
                "vendor-specific (5) is not supported: it has no public definition",
            _ => string.Empty,
        };
        if (reason is null)
        {
            return;
        }

        if (reason.Length == 0)
        {
            Add(problems, DeterministicNatProblemKind.AlgorithmUnknown,
                $"Algorithm {((int)algorithm).ToString(CultureInfo.InvariantCulture)} is not one of RFC 7422's (0-5); use 0 (sequential) or 2 (round robin)");
            return;
        }

        Add(problems, DeterministicNatProblemKind.AlgorithmNotSupported, $"Algorithm {reason}; use 0 (sequential) or 2 (round robin)");
    }

    private static string Ipv4(long value) =>
        new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)value)).ToString();

    private static void Add(List<DeterministicNatProblem> problems, DeterministicNatProblemKind kind, string message) =>
        problems.Add(new DeterministicNatProblem(kind, message));
}
