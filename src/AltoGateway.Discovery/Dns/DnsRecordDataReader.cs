using System.Buffers.Binary;
using System.Text;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Dns;

/// <summary>Reads typed RDATA; every reader must end exactly at the end of the RDATA.</summary>
internal static class DnsRecordDataReader
{
    /// <summary>
    /// Reads the RDATA at <paramref name="offset"/> of <paramref name="length"/> octets, which the caller has
    /// checked lie inside <paramref name="message"/>.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> message, int offset, int length, ushort type, ushort @class, uint ttl,
        out DnsRecordData data, out DnsReadError error)
    {
        var end = offset + length;
        var position = offset;
        data = null!;
        var ok = type switch
        {
            DnsRecordType.Ns => TryReadNs(message, ref position, end, out data, out error),
            DnsRecordType.Cname => TryReadCname(message, ref position, end, out data, out error),
            DnsRecordType.Soa => TryReadSoa(message, ref position, end, out data, out error),
            DnsRecordType.Naptr => TryReadNaptr(message, ref position, end, out data, out error),
            DnsRecordType.Opt => TryReadOpt(message, ref position, end, @class, ttl, out data, out error),
            _ => ReadRaw(message, ref position, end, out data, out error),
        };
        if (ok && position != end)
        {
            error = DnsReadError.RdataLengthMismatch;
            return false;
        }

        return ok;
    }

    private static bool ReadRaw(ReadOnlySpan<byte> message, ref int position, int end, out DnsRecordData data, out DnsReadError error)
    {
        data = new DnsRawData(message[position..end].ToArray());
        position = end;
        error = DnsReadError.None;
        return true;
    }

    // RFC 1035 §3.3.11; NS is a well-known type, so its name may be compressed (RFC 3597 §4).
    private static bool TryReadNs(ReadOnlySpan<byte> message, ref int position, int end, out DnsRecordData data, out DnsReadError error)
    {
        data = null!;
        if (!TryReadName(message, ref position, end, true, out var host, out error))
        {
            return false;
        }

        data = new DnsNsData(host);
        return true;
    }

    // RFC 1035 §3.3.1; CNAME is a well-known type, so its name may be compressed (RFC 3597 §4).
    private static bool TryReadCname(ReadOnlySpan<byte> message, ref int position, int end, out DnsRecordData data, out DnsReadError error)
    {
        data = null!;
        if (!TryReadName(message, ref position, end, true, out var target, out error))
        {
            return false;
        }

        data = new DnsCnameData(target);
        return true;
    }

    // RFC 1035 §3.3.13: MNAME, RNAME, then five 32-bit fields.
    private static bool TryReadSoa(ReadOnlySpan<byte> message, ref int position, int end, out DnsRecordData data, out DnsReadError error)
    {
        data = null!;
        if (!TryReadName(message, ref position, end, true, out var primary, out error)
            || !TryReadName(message, ref position, end, true, out var mailbox, out error))
        {
            return false;
        }

        if (end - position < 20)
        {
            error = DnsReadError.RdataLengthMismatch;
            return false;
        }

        var fields = message.Slice(position, 20);
        data = new DnsSoaData(
            primary,
            mailbox,
            BinaryPrimitives.ReadUInt32BigEndian(fields),
            BinaryPrimitives.ReadUInt32BigEndian(fields[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(fields[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(fields[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(fields[16..]));
        position += 20;
        return true;
    }

    // RFC 3403 §4.1: ORDER, PREFERENCE, FLAGS, SERVICES, REGEXP, REPLACEMENT; the replacement "MUST NOT be compressed".
    private static bool TryReadNaptr(ReadOnlySpan<byte> message, ref int position, int end, out DnsRecordData data, out DnsReadError error)
    {
        data = null!;
        if (end - position < 4)
        {
            error = DnsReadError.RdataLengthMismatch;
            return false;
        }

        var order = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
        var preference = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
        position += 4;
        if (!TryReadCharacterString(message, ref position, end, out var flags, out error)
            || !TryReadCharacterString(message, ref position, end, out var services, out error)
            || !TryReadCharacterString(message, ref position, end, out var regexp, out error)
            || !TryReadName(message, ref position, end, false, out var replacement, out error))
        {
            return false;
        }

        data = new DnsNaptrData(new NaptrRecord(order, preference, flags, services, regexp, replacement));
        return true;
    }

    // RFC 6891 §6.1.2: a sequence of {OPTION-CODE, OPTION-LENGTH, OPTION-DATA}, each exactly its length.
    private static bool TryReadOpt(
        ReadOnlySpan<byte> message, ref int position, int end, ushort @class, uint ttl, out DnsRecordData data, out DnsReadError error)
    {
        data = null!;
        var options = new List<EdnsOption>(Math.Min((end - position) / 4, 16));
        while (position < end)
        {
            if (end - position < 4)
            {
                error = DnsReadError.RdataLengthMismatch;
                return false;
            }

            var code = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            if (end - position - 4 < length)
            {
                error = DnsReadError.RdataLengthMismatch;
                return false;
            }

            options.Add(new EdnsOption(code, message.Slice(position + 4, length).ToArray()));
            position += 4 + length;
        }

        data = DnsOptData.FromWire(@class, ttl, options);
        error = DnsReadError.None;
        return true;
    }

    // RFC 1035 §3.3: a length octet followed by that many octets; Latin-1 keeps every octet.
    private static bool TryReadCharacterString(ReadOnlySpan<byte> message, ref int position, int end, out string text, out DnsReadError error)
    {
        text = "";
        if (position >= end || end - position - 1 < message[position])
        {
            error = DnsReadError.RdataLengthMismatch;
            return false;
        }

        var length = message[position];
        text = Encoding.Latin1.GetString(message.Slice(position + 1, length));
        position += 1 + length;
        error = DnsReadError.None;
        return true;
    }

    private static bool TryReadName(
        ReadOnlySpan<byte> message, ref int position, int end, bool allowPointers, out string name, out DnsReadError error)
    {
        if (!DnsNameReader.TryRead(message, position, end, allowPointers, DnsReadError.RdataLengthMismatch, out name, out var consumed, out error))
        {
            return false;
        }

        position += consumed;
        return true;
    }
}
