using System.Buffers.Binary;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// What the responder needs of a query, read without allocating: the one question with its name flattened
/// (pointers followed) in the case it was sent and in lower case (RFC 4343 §3), and the EDNS fields. The
/// other sections are walked and checked but not kept. The general <see cref="DnsMessageReader"/> builds
/// strings and lists for every record; this reader is the per-query fast path of a server.
/// </summary>
internal static class DnsQueryReader
{
    private const int HeaderLength = DnsMessageReader.HeaderLength;

    // The smallest question is a root name, TYPE and CLASS; the smallest record adds TTL and RDLENGTH.
    private const int MinQuestionLength = 5;
    private const int MinRecordLength = 11;

    /// <summary>
    /// Reads <paramref name="wire"/> (at least a header long). False when it is malformed (FORMERR); then
    /// <see cref="DnsQuery.QuestionRead"/> says whether the question can still be echoed and
    /// <see cref="DnsQuery.HasOpt"/> whether a well-formed OPT was seen.
    /// <paramref name="name"/> and <paramref name="lowerName"/> take <see cref="DnsNameText.MaxWireLength"/> octets,
    /// <paramref name="labelStarts"/> 128.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> wire, Span<byte> name, Span<byte> lowerName, Span<byte> labelStarts, out DnsQuery query)
    {
        query = default;
        var questions = BinaryPrimitives.ReadUInt16BigEndian(wire[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(wire[6..]);
        var authorities = BinaryPrimitives.ReadUInt16BigEndian(wire[8..]);
        var additionals = BinaryPrimitives.ReadUInt16BigEndian(wire[10..]);

        // Counts that the bytes cannot hold are refused before anything is walked (huge counts cost nothing).
        if ((questions * (long)MinQuestionLength) + ((answers + (long)authorities + additionals) * MinRecordLength) > wire.Length - HeaderLength)
        {
            return false;
        }

        // RFC 9619: a QUERY carries exactly one question.
        if (questions != 1 || !TryReadQuestionName(wire, name, lowerName, labelStarts, out var nameLength, out var labels, out var position)
            || wire.Length - position < 4)
        {
            return false;
        }

        query = new DnsQuery
        {
            QuestionRead = true,
            NameLength = nameLength,
            LabelCount = labels,
            Type = BinaryPrimitives.ReadUInt16BigEndian(wire[position..]),
            Class = BinaryPrimitives.ReadUInt16BigEndian(wire[(position + 2)..]),
        };
        position += 4;
        var total = answers + authorities + additionals;
        for (var i = 0; i < total; i++)
        {
            if (!TrySkipRecord(wire, ref position, isAdditional: i >= answers + authorities, ref query))
            {
                return false;
            }
        }

        return position == wire.Length;
    }

    /// <summary>
    /// The question name at offset 12, copied label by label. A pointer must lead before the part of the name
    /// read so far (RFC 1035 §4.1.4 only points back), so every jump goes backwards and reading ends.
    /// </summary>
    private static bool TryReadQuestionName(
        ReadOnlySpan<byte> wire, Span<byte> name, Span<byte> lowerName, Span<byte> labelStarts, out int length, out int labels, out int end)
    {
        length = labels = end = 0;
        var position = HeaderLength;
        var segmentStart = HeaderLength;
        var jumped = false;
        while (position < wire.Length)
        {
            var octet = wire[position];
            if (octet == 0)
            {
                name[length] = lowerName[length] = 0;
                length++;
                end = jumped ? end : position + 1;
                return true;
            }

            if ((octet & 0xC0) == 0xC0)
            {
                if (position + 1 >= wire.Length)
                {
                    return false;
                }

                var target = ((octet & 0x3F) << 8) | wire[position + 1];
                if (target >= segmentStart)
                {
                    return false; // a loop, or a pointer forward
                }

                end = jumped ? end : position + 2;
                jumped = true;
                segmentStart = position = target;
                continue;
            }

            // 01 and 10 prefixes are reserved (RFC 1035 §4.1.4, RFC 6891 §5); a name is at most 255 octets.
            if ((octet & 0xC0) != 0 || position + 1 + octet > wire.Length || length + 1 + octet + 1 > DnsNameText.MaxWireLength)
            {
                return false;
            }

            labelStarts[labels++] = (byte)length;
            name[length] = lowerName[length] = octet;
            for (var i = 1; i <= octet; i++)
            {
                var c = wire[position + i];
                name[length + i] = c;
                lowerName[length + i] = c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c + 32) : c;
            }

            length += 1 + octet;
            position += 1 + octet;
        }

        return false;
    }

    // RFC 1035 §4.1.3; the OPT record: RFC 6891 §6.1.1–6.1.3 (one at most, in the additional section, owned by the root).
    private static bool TrySkipRecord(ReadOnlySpan<byte> wire, ref int position, bool isAdditional, ref DnsQuery query)
    {
        var ownerStart = position;
        if (!TrySkipName(wire, ref position) || wire.Length - position < 10)
        {
            return false;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(wire[position..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(wire[(position + 2)..]);
        var ttl = BinaryPrimitives.ReadUInt32BigEndian(wire[(position + 4)..]);
        var rdLength = BinaryPrimitives.ReadUInt16BigEndian(wire[(position + 8)..]);
        position += 10;
        if (wire.Length - position < rdLength)
        {
            return false;
        }

        var rdata = wire.Slice(position, rdLength);
        position += rdLength;
        if (type != DnsRecordType.Opt)
        {
            return true;
        }

        if (!isAdditional || query.HasOpt || wire[ownerStart] != 0 || !OptionsFit(rdata))
        {
            query.HasOpt = false; // a bad OPT is not echoed: the FORMERR goes without one (RFC 6891 §6.1.1)
            return false;
        }

        query.HasOpt = true;
        query.UdpPayloadSize = @class;
        query.EdnsVersion = (byte)(ttl >> 16);
        query.DnssecOk = (ttl & 0x8000) != 0;
        return true;
    }

    private static bool TrySkipName(ReadOnlySpan<byte> wire, ref int position)
    {
        var start = position;
        while (position < wire.Length)
        {
            var octet = wire[position];
            if (octet == 0)
            {
                position++;
                return true;
            }

            if ((octet & 0xC0) == 0xC0)
            {
                // The name ends with the pointer; it must lead backwards, before this name.
                if (position + 1 >= wire.Length || (((octet & 0x3F) << 8) | wire[position + 1]) >= start)
                {
                    return false;
                }

                position += 2;
                return true;
            }

            if ((octet & 0xC0) != 0 || position + 1 - start + octet > DnsNameText.MaxWireLength)
            {
                return false;
            }

            position += 1 + octet;
        }

        return false;
    }

    // RFC 6891 §6.1.2: {OPTION-CODE, OPTION-LENGTH, OPTION-DATA}, each exactly its length.
    private static bool OptionsFit(ReadOnlySpan<byte> rdata)
    {
        var position = 0;
        while (position < rdata.Length)
        {
            if (rdata.Length - position < 4)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(rdata[(position + 2)..]);
            if (rdata.Length - position - 4 < length)
            {
                return false;
            }

            position += 4 + length;
        }

        return true;
    }
}

/// <summary>The fields of a query the responder answers from; the name itself lies in the caller's buffers.</summary>
internal struct DnsQuery
{
    /// <summary>The question was read, so it can be echoed.</summary>
    public bool QuestionRead;

    /// <summary>Octets of the flattened question name, root label included.</summary>
    public int NameLength;

    /// <summary>Labels of the name, root excluded.</summary>
    public int LabelCount;

    public ushort Type;

    public ushort Class;

    /// <summary>A well-formed OPT record came with the query.</summary>
    public bool HasOpt;

    public ushort UdpPayloadSize;

    public byte EdnsVersion;

    public bool DnssecOk;
}
