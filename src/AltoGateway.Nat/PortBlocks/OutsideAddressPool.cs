using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AltoGateway.Nat.PortBlocks;

/// <summary>
/// The outside pool O as runs of consecutive IPv4 addresses in ascending order (adjacent entries of
/// the configuration merged), numbered from 0 both ways. One run — a single prefix or address —
/// is pure arithmetic; several runs cost a binary search over the runs (a handful in practice).
/// </summary>
internal sealed class OutsideAddressPool
{
    private readonly uint[] _starts;
    private readonly long[] _firstIndexes;
    private readonly long[] _counts;

    private OutsideAddressPool(uint[] starts, long[] counts)
    {
        _starts = starts;
        _counts = counts;
        _firstIndexes = new long[starts.Length];
        long total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            _firstIndexes[i] = total;
            total += counts[i];
        }

        Count = total;
    }

    /// <summary>The number of outside addresses.</summary>
    public long Count { get; }

    /// <summary>The lowest outside address.</summary>
    public IPAddress First => AddressAt(0);

    /// <summary>Sorts and merges already validated IPv4 prefixes (no overlaps, not empty).</summary>
    public static OutsideAddressPool Create(IReadOnlyList<IPNetwork> prefixes)
    {
        var runs = SortedRuns(prefixes);
        var starts = new List<uint>();
        var counts = new List<long>();
        foreach (var (start, count) in runs)
        {
            if (starts.Count > 0 && starts[^1] + counts[^1] == start)
            {
                counts[^1] += count;
            }
            else
            {
                starts.Add((uint)start);
                counts.Add(count);
            }
        }

        return new OutsideAddressPool([.. starts], [.. counts]);
    }

    /// <summary>The entries as (first address, address count), sorted by first address.</summary>
    public static List<(long Start, long Count)> SortedRuns(IReadOnlyList<IPNetwork> prefixes)
    {
        var runs = new List<(long Start, long Count)>(prefixes.Count);
        foreach (var prefix in prefixes)
        {
            runs.Add((ToUInt32(prefix.BaseAddress), 1L << (32 - prefix.PrefixLength)));
        }

        runs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return runs;
    }

    public bool TryGetIndex(IPAddress address, out long index)
    {
        index = -1;
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        return TryGetIndex(ToUInt32(address), out index);
    }

    /// <summary>The index of an IPv4 address given as a number (host order), without an <see cref="IPAddress"/>.</summary>
    public bool TryGetIndex(uint value, out long index)
    {
        index = -1;
        var run = _starts.Length == 1 ? 0 : LastRunStartingAtOrBelow(value);
        if (run < 0 || value < _starts[run] || value - _starts[run] >= _counts[run])
        {
            return false;
        }

        index = _firstIndexes[run] + (value - _starts[run]);
        return true;
    }

    public IPAddress AddressAt(long index)
    {
        var run = 0;
        if (_starts.Length > 1)
        {
            run = Array.BinarySearch(_firstIndexes, index);
            if (run < 0)
            {
                run = ~run - 1;
            }
        }

        var value = (uint)(_starts[run] + (index - _firstIndexes[run]));
        return new IPAddress(BinaryPrimitives.ReverseEndianness(value));
    }

    private int LastRunStartingAtOrBelow(uint value)
    {
        var found = Array.BinarySearch(_starts, value);
        return found >= 0 ? found : ~found - 1;
    }

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }
}
