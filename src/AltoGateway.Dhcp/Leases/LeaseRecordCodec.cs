using System.Buffers.Binary;

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// The lease journal's file format (version 1). A file is the 8-octet magic <c>AGLEASE1</c>, then
/// records back to back, each self-delimiting and checksummed:
/// <code>
/// offset  size  field
///      0     2  length of the whole record in octets, 28 + n (little-endian)
///      2     1  kind: 1 bind, 2 extend, 3 release, 4 decline, 5 conflict (LeaseRecordKind)
///      3     8  sequence number: 1 for the file's first record, +1 for each next (little-endian)
///     11     4  IPv4 address (network order)
///     15     8  time, Unix seconds (little-endian): bind/extend expiry, release time, end of a quarantine
///     23     1  n, the length of the client identity (0 for conflict)
///     24     n  client identity: option 61's octets, or htype then chaddr[..hlen]
///   24+n     4  CRC-32 (IEEE) of octets 0 .. 23+n (little-endian)
/// </code>
/// A record is appended whole and fsynced before the lease it describes is acknowledged; a crash
/// in mid-write leaves a short or badly checksummed last record, which the reader cuts off.
/// </summary>
internal static class LeaseRecordCodec
{
    public const int HeaderLength = 8;
    public const int FixedLength = 28;
    public const int MaxLength = FixedLength + ClientIdentity.MaxLength;

    public static ReadOnlySpan<byte> Magic => "AGLEASE1"u8;

    public enum ReadStatus
    {
        /// <summary>A whole record, checksum and sequence right.</summary>
        Done,

        /// <summary>The data ends inside the record (a crash in mid-write).</summary>
        Truncated,

        /// <summary>The record is whole but wrong: a length out of range, an unknown kind, a bad checksum or sequence number.</summary>
        Invalid,
    }

    public static int LengthOf(LeaseRecord record) => FixedLength + record.Client.Bytes.Length;

    /// <summary>Writes <paramref name="record"/> with <paramref name="sequence"/> into <paramref name="destination"/> (at least <see cref="LengthOf"/> octets); returns the length written.</summary>
    public static int Write(LeaseRecord record, ulong sequence, Span<byte> destination)
    {
        var client = record.Client.Bytes;
        var length = FixedLength + client.Length;
        var span = destination[..length];
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)length);
        span[2] = (byte)record.Kind;
        BinaryPrimitives.WriteUInt64LittleEndian(span[3..], sequence);
        BinaryPrimitives.WriteUInt32BigEndian(span[11..], record.Address);
        BinaryPrimitives.WriteInt64LittleEndian(span[15..], record.Time);
        span[23] = (byte)client.Length;
        client.CopyTo(span[24..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(24 + client.Length)..], Crc32.Compute(span[..(24 + client.Length)]));
        return length;
    }

    /// <summary>Reads the record at the start of <paramref name="source"/>; never throws on bad data.</summary>
    public static ReadStatus TryRead(ReadOnlySpan<byte> source, ulong expectedSequence, out LeaseRecord record, out int consumed)
    {
        record = default;
        consumed = 0;
        if (source.Length < 2)
        {
            return ReadStatus.Truncated;
        }

        int length = BinaryPrimitives.ReadUInt16LittleEndian(source);
        if (length is < FixedLength or > MaxLength)
        {
            return ReadStatus.Invalid;
        }

        if (source.Length < length)
        {
            return ReadStatus.Truncated;
        }

        var span = source[..length];
        var clientLength = span[23];
        var kind = (LeaseRecordKind)span[2];
        if (FixedLength + clientLength != length
            || BinaryPrimitives.ReadUInt32LittleEndian(span[(24 + clientLength)..]) != Crc32.Compute(span[..(24 + clientLength)])
            || kind is < LeaseRecordKind.Bind or > LeaseRecordKind.Conflict
            || BinaryPrimitives.ReadUInt64LittleEndian(span[3..]) != expectedSequence)
        {
            return ReadStatus.Invalid;
        }

        record = new LeaseRecord(
            kind,
            BinaryPrimitives.ReadUInt32BigEndian(span[11..]),
            ClientIdentity.FromStored(span.Slice(24, clientLength)),
            BinaryPrimitives.ReadInt64LittleEndian(span[15..]));
        consumed = length;
        return ReadStatus.Done;
    }
}
