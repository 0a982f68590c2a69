using System.Buffers;

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// Writes a DNS message (RFC 1035 §4.1) with compressed owner and question names, within a size limit.
/// A message that would exceed the limit is written as header and question only, with TC set
/// (RFC 1035 §4.2.1, RFC 2181 §9: no partial RRsets), keeping the OPT record (RFC 6891 §7).
/// </summary>
public static class DnsMessageWriter
{
    /// <summary>RFC 1035 §4.2.1: UDP messages without EDNS are limited to 512 octets.</summary>
    public const int PlainUdpLimit = 512;

    /// <summary>The largest DNS message (RFC 1035 §4.2.2 length prefix).</summary>
    public const int MaxMessageLength = ushort.MaxValue;

    /// <summary>
    /// The limit for a UDP response to <paramref name="query"/>: 512, or the EDNS payload size the client
    /// advertised, never below 512 (RFC 6891 §6.2.5).
    /// </summary>
    public static int UdpResponseLimit(DnsMessage query) => Math.Max(PlainUdpLimit, (int)(query.Opt?.UdpPayloadSize ?? 0));

    /// <summary>
    /// Writes <paramref name="message"/> into <paramref name="destination"/>, truncating it when it exceeds
    /// <paramref name="sizeLimit"/>. <see cref="OperationStatus.DestinationTooSmall"/> when the destination is
    /// shorter than both the message and the limit, or when even the truncated form exceeds the limit.
    /// Invalid names, strings or header fields are caller misuse and throw <see cref="ArgumentException"/>.
    /// </summary>
    public static OperationStatus TryWrite(DnsMessage message, Span<byte> destination, int sizeLimit, out int written)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeLimit, DnsMessageReader.HeaderLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Header.Opcode, (byte)0xF, nameof(message));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Header.Rcode, (byte)0xF, nameof(message));
        var target = destination[..Math.Min(sizeLimit, destination.Length)];
        written = 0;
        if (TryWriteSections(message, message.Header, message.Additionals, includeRecords: true, target, out written))
        {
            return OperationStatus.Done;
        }

        if (destination.Length < sizeLimit)
        {
            return OperationStatus.DestinationTooSmall;
        }

        var truncated = message.Header with { Flags = message.Header.Flags | DnsHeaderBits.Truncated };
        var opt = message.Additionals.Where(r => r.Data is DnsOptData).ToList();
        return TryWriteSections(message, truncated, opt, includeRecords: false, target, out written)
            ? OperationStatus.Done
            : OperationStatus.DestinationTooSmall;
    }

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/> and returns its length.</summary>
    public static int Write(DnsMessage message, IBufferWriter<byte> output, int sizeLimit)
    {
        ArgumentNullException.ThrowIfNull(output);
        var limit = Math.Min(sizeLimit, MaxMessageLength);
        var span = output.GetSpan(limit);
        if (TryWrite(message, span, limit, out var written) != OperationStatus.Done)
        {
            throw new ArgumentException($"Even the header and question exceed the size limit of {limit} octets.", nameof(sizeLimit));
        }

        output.Advance(written);
        return written;
    }

    private static bool TryWriteSections(
        DnsMessage message, DnsHeader header, IReadOnlyList<DnsRecord> additionals, bool includeRecords, Span<byte> target, out int written)
    {
        var answers = includeRecords ? message.Answers : [];
        var authorities = includeRecords ? message.Authorities : [];
        var writer = new DnsWireWriter(target);

        // RFC 1035 §4.1.1.
        writer.WriteUInt16(header.Id);
        writer.WriteUInt16(header.ToWire());
        writer.WriteUInt16(checked((ushort)message.Questions.Count));
        writer.WriteUInt16(checked((ushort)answers.Count));
        writer.WriteUInt16(checked((ushort)authorities.Count));
        writer.WriteUInt16(checked((ushort)additionals.Count));
        foreach (var question in message.Questions)
        {
            writer.WriteName(question.Name, compress: true);
            writer.WriteUInt16(question.Type);
            writer.WriteUInt16(question.Class);
        }

        WriteRecords(ref writer, answers);
        WriteRecords(ref writer, authorities);
        WriteRecords(ref writer, additionals);
        written = writer.Overflowed ? 0 : writer.Position;
        return !writer.Overflowed;
    }

    // RFC 1035 §4.1.3.
    private static void WriteRecords(ref DnsWireWriter writer, IReadOnlyList<DnsRecord> records)
    {
        foreach (var record in records)
        {
            writer.WriteName(record.Name, compress: true);
            writer.WriteUInt16(record.Type);
            if (record.Data is DnsOptData opt)
            {
                // RFC 6891 §6.1.3: CLASS and TTL carry the EDNS fields.
                writer.WriteUInt16(opt.UdpPayloadSize);
                writer.WriteUInt32(opt.Ttl);
            }
            else
            {
                writer.WriteUInt16(record.Class);
                writer.WriteUInt32(record.Ttl);
            }

            var lengthPosition = writer.Position;
            writer.WriteUInt16(0);
            DnsRecordDataWriter.Write(ref writer, record.Data);
            writer.PatchLength(lengthPosition);
        }
    }
}
