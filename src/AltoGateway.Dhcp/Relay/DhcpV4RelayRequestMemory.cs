using System.Buffers.Binary;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>
/// What the relay remembers of each request it was the first hop of, for the server's reply to the same
/// transaction: the client's parameter request list (55) and the largest reply it accepts (57). Servers do not
/// echo option 55 (RFC 2131 Table 3 lists it "MUST NOT" in replies, and dnsmasq and Kea follow that), yet the relay
/// has to honour it when it adds the ALTO options. Keyed by 'xid' and 'chaddr' (RFC 2131 §4.1: the pair names one
/// transaction); bounded in size and age, the oldest forgotten first, so a flood of requests costs at most
/// <see cref="Capacity"/> entries. A reply with nothing remembered (the relay restarted, the entry aged out) gets the
/// ALTO options sent always (<c>AlwaysSend</c>) and the default 548-octet limit.
/// </summary>
public sealed class DhcpV4RelayRequestMemory(TimeProvider time, int capacity = DhcpV4RelayRequestMemory.DefaultCapacity)
{
    /// <summary>The default number of transactions remembered.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>How long a transaction is remembered: well past RFC 2131 §4.1's retransmission schedule (4 s doubling to 64 s).</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, Entry> _entries = [];
    private readonly Queue<(Key Key, long Sequence)> _order = new();
    private long _sequence;

    /// <summary>The most transactions remembered at once.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many transactions are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Remembers <paramref name="request"/>'s PRL and reply limit (a retransmission refreshes them).</summary>
    public void Remember(DhcpV4Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyOf(request);
        var now = time.GetTimestamp();
        var parameterRequestList = request.ParameterRequestList.ToArray();
        var maximumReplyLength = DhcpV4Writer.MaximumReplyLength(request);
        lock (_gate)
        {
            Expire(now);

            // Room for the new entry, and the queue (one item per Remember, retransmissions included) bounded too.
            while (((_entries.Count >= Capacity && !_entries.ContainsKey(key)) || _order.Count >= 2 * Capacity) && _order.TryDequeue(out var oldest))
            {
                ForgetIfCurrent(oldest);
            }

            var sequence = ++_sequence;
            _entries[key] = new Entry(parameterRequestList, maximumReplyLength, now, sequence);
            _order.Enqueue((key, sequence));
        }
    }

    /// <summary>What was remembered of the request <paramref name="reply"/> answers, if anything.</summary>
    public bool TryRecall(DhcpV4Message reply, out byte[] parameterRequestList, out int maximumReplyLength)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var now = time.GetTimestamp();
        lock (_gate)
        {
            Expire(now);
            if (_entries.TryGetValue(KeyOf(reply), out var entry))
            {
                parameterRequestList = entry.ParameterRequestList;
                maximumReplyLength = entry.MaximumReplyLength;
                return true;
            }
        }

        parameterRequestList = [];
        maximumReplyLength = DhcpV4Writer.DefaultMaximumLength;
        return false;
    }

    private static Key KeyOf(DhcpV4Message message)
    {
        Span<byte> field = stackalloc byte[DhcpV4Message.ClientHardwareAddressFieldLength];
        field.Clear();
        var address = message.ClientHardwareAddress.Span;
        address[..Math.Min(address.Length, field.Length)].CopyTo(field);
        return new Key(message.TransactionId, message.HardwareType, BinaryPrimitives.ReadUInt128BigEndian(field));
    }

    // The queue holds one (key, sequence) per Remember, oldest first; the item of a key remembered again since is stale.
    private void Expire(long now)
    {
        while (_order.TryPeek(out var head)
            && (!_entries.TryGetValue(head.Key, out var entry) || entry.Sequence != head.Sequence || time.GetElapsedTime(entry.At, now) > MaximumAge))
        {
            ForgetIfCurrent(_order.Dequeue());
        }
    }

    private void ForgetIfCurrent((Key Key, long Sequence) item)
    {
        if (_entries.TryGetValue(item.Key, out var entry) && entry.Sequence == item.Sequence)
        {
            _entries.Remove(item.Key);
        }
    }

    private readonly record struct Key(uint TransactionId, byte HardwareType, UInt128 HardwareAddress);

    private sealed record Entry(byte[] ParameterRequestList, int MaximumReplyLength, long At, long Sequence);
}
