using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// Reads a whole DNS message (RFC 1035 §4.1). Bad input is a <see cref="DnsReadError"/>, never an exception;
/// allocations are bounded by the message size, whatever the counts claim.
/// </summary>
public static class DnsMessageReader
{
    /// <summary>RFC 1035 §4.1.1: the header is 12 octets.</summary>
    public const int HeaderLength = 12;

    // The smallest question is a root name and TYPE, CLASS (5 octets); the smallest record adds TTL, RDLENGTH (11).
    private const int MinQuestionLength = 5;
    private const int MinRecordLength = 11;

    /// <summary>Reads <paramref name="wire"/>, which must hold exactly one message.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out DnsMessage? message, out DnsReadError error)
    {
        message = null;
        if (wire.Length < HeaderLength)
        {
            error = DnsReadError.Truncated;
            return false;
        }

        var header = DnsHeader.FromWire(BinaryPrimitives.ReadUInt16BigEndian(wire), BinaryPrimitives.ReadUInt16BigEndian(wire[2..]));
        var questionCount = BinaryPrimitives.ReadUInt16BigEndian(wire[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(wire[6..]);
        var authorityCount = BinaryPrimitives.ReadUInt16BigEndian(wire[8..]);
        var additionalCount = BinaryPrimitives.ReadUInt16BigEndian(wire[10..]);
        var remaining = (long)wire.Length - HeaderLength;
        if ((questionCount * (long)MinQuestionLength) + ((answerCount + (long)authorityCount + additionalCount) * MinRecordLength) > remaining)
        {
            error = DnsReadError.CountTooLarge;
            return false;
        }

        var position = HeaderLength;
        var questions = new List<DnsQuestion>(questionCount);
        for (var i = 0; i < questionCount; i++)
        {
            if (!TryReadQuestion(wire, ref position, out var question, out error))
            {
                return false;
            }

            questions.Add(question);
        }

        if (!TryReadSection(wire, ref position, answerCount, false, out var answers, out error)
            || !TryReadSection(wire, ref position, authorityCount, false, out var authorities, out error)
            || !TryReadSection(wire, ref position, additionalCount, true, out var additionals, out error))
        {
            return false;
        }

        if (position != wire.Length)
        {
            error = DnsReadError.TrailingBytes;
            return false;
        }

        message = new DnsMessage(header, questions, answers, authorities, additionals);
        return true;
    }

    /// <summary>Reads a message from a trusted source; bad data throws <see cref="FormatException"/>.</summary>
    public static DnsMessage Read(ReadOnlySpan<byte> wire) =>
        TryRead(wire, out var message, out var error) ? message : throw new FormatException($"Invalid DNS message: {error}.");

    // RFC 1035 §4.1.2.
    private static bool TryReadQuestion(ReadOnlySpan<byte> wire, ref int position, out DnsQuestion question, out DnsReadError error)
    {
        question = null!;
        if (!TryReadOwner(wire, position, 4, out var name, out var fixedStart, out error))
        {
            return false;
        }

        question = new DnsQuestion(
            name, BinaryPrimitives.ReadUInt16BigEndian(wire[fixedStart..]), BinaryPrimitives.ReadUInt16BigEndian(wire[(fixedStart + 2)..]));
        position = fixedStart + 4;
        return true;
    }

    private static bool TryReadSection(
        ReadOnlySpan<byte> wire, ref int position, int count, bool isAdditional, out List<DnsRecord> records, out DnsReadError error)
    {
        records = new List<DnsRecord>(count);
        error = DnsReadError.None;
        var sawOpt = false;
        for (var i = 0; i < count; i++)
        {
            if (!TryReadRecord(wire, ref position, out var record, out error))
            {
                return false;
            }

            // RFC 6891 §6.1.1: at most one OPT, only in the additional section, owned by the root.
            if (record.Type == DnsRecordType.Opt)
            {
                if (!isAdditional || sawOpt || record.Name != ".")
                {
                    error = DnsReadError.BadOptRecord;
                    return false;
                }

                sawOpt = true;
            }

            records.Add(record);
        }

        return true;
    }

    // RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA.
    private static bool TryReadRecord(ReadOnlySpan<byte> wire, ref int position, out DnsRecord record, out DnsReadError error)
    {
        record = null!;
        if (!TryReadOwner(wire, position, 10, out var name, out var fixedStart, out error))
        {
            return false;
        }

        var fields = wire[fixedStart..];
        var type = BinaryPrimitives.ReadUInt16BigEndian(fields);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(fields[2..]);
        var ttl = BinaryPrimitives.ReadUInt32BigEndian(fields[4..]);
        var rdLength = BinaryPrimitives.ReadUInt16BigEndian(fields[8..]);
        var rdataStart = fixedStart + 10;
        if (wire.Length - rdataStart < rdLength)
        {
            error = DnsReadError.Truncated;
            return false;
        }

        if (!DnsRecordDataReader.TryRead(wire, rdataStart, rdLength, type, @class, ttl, out var data, out error))
        {
            return false;
        }

        record = new DnsRecord(name, type, @class, ttl, data);
        position = rdataStart + rdLength;
        return true;
    }

    /// <summary>Reads the name at <paramref name="position"/> and checks that <paramref name="fixedLength"/> octets follow it.</summary>
    private static bool TryReadOwner(
        ReadOnlySpan<byte> wire, int position, int fixedLength, out string name, out int fixedStart, out DnsReadError error)
    {
        fixedStart = 0;
        if (!DnsNameReader.TryRead(wire, position, wire.Length, true, DnsReadError.Truncated, out name, out var consumed, out error))
        {
            return false;
        }

        fixedStart = position + consumed;
        if (wire.Length - fixedStart < fixedLength)
        {
            error = DnsReadError.Truncated;
            return false;
        }

        return true;
    }
}
