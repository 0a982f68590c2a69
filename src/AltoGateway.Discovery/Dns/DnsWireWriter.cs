using System.Buffers.Binary;
using System.Text;

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// A cursor over a destination span that never writes past its end: once something does not fit,
/// <see cref="Overflowed"/> is set and every later write is ignored, so the caller checks once at the end.
/// Owner and question names are compressed against earlier ones (RFC 1035 §4.1.4).
/// </summary>
internal ref struct DnsWireWriter
{
    // Pointers carry 14 bits of offset.
    private const int MaxPointerOffset = 0x3FFF;

    private readonly Span<byte> destination;
    private readonly Dictionary<string, int> nameOffsets;

    public DnsWireWriter(Span<byte> destination)
    {
        this.destination = destination;
        nameOffsets = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public int Position { get; private set; }

    public bool Overflowed { get; private set; }

    public void WriteUInt16(ushort value)
    {
        if (TryReserve(2, out var span))
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
    }

    public void WriteUInt32(uint value)
    {
        if (TryReserve(4, out var span))
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
    }

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (TryReserve(bytes.Length, out var span))
        {
            bytes.CopyTo(span);
        }
    }

    /// <summary>Fills in the 16-bit length written as zero at <paramref name="position"/> with the octets written since.</summary>
    public readonly void PatchLength(int position)
    {
        if (!Overflowed)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[position..], checked((ushort)(Position - position - 2)));
        }
    }

    /// <summary>A character-string (RFC 1035 §3.3): Latin-1 octets, at most 255 of them.</summary>
    public void WriteCharacterString(string text)
    {
        if (text.Length > 255 || text.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'))
        {
            throw new ArgumentException("A character-string holds at most 255 Latin-1 octets (RFC 1035 §3.3).", nameof(text));
        }

        if (TryReserve(1 + text.Length, out var span))
        {
            span[0] = (byte)text.Length;
            Encoding.Latin1.GetBytes(text, span[1..]);
        }
    }

    /// <summary>Writes a name, reusing a suffix already written when <paramref name="compress"/> is set.</summary>
    public void WriteName(string name, bool compress)
    {
        Span<byte> wire = stackalloc byte[DnsNameText.MaxWireLength];
        var length = DnsNameText.Encode(name, wire);
        var label = 0;
        while (wire[label] != 0)
        {
            if (compress)
            {
                var suffix = SuffixKey(wire[label..length]);
                if (nameOffsets.TryGetValue(suffix, out var offset))
                {
                    WriteBytes(wire[..label]);
                    WriteUInt16((ushort)(0xC000 | offset));
                    return;
                }

                if (Position + label <= MaxPointerOffset && !Overflowed)
                {
                    nameOffsets[suffix] = Position + label;
                }
            }

            label += 1 + wire[label];
        }

        WriteBytes(wire[..length]);
    }

    // Names compare case-insensitively (RFC 4343 §3), so the key is the lower-cased wire form.
    private static string SuffixKey(ReadOnlySpan<byte> wire)
    {
        Span<char> key = stackalloc char[wire.Length];
        for (var i = 0; i < wire.Length; i++)
        {
            key[i] = (char)(wire[i] is >= (byte)'A' and <= (byte)'Z' ? wire[i] + 32 : wire[i]);
        }

        return new string(key);
    }

    private bool TryReserve(int length, out Span<byte> span)
    {
        if (Overflowed || destination.Length - Position < length)
        {
            Overflowed = true;
            span = default;
            return false;
        }

        span = destination.Slice(Position, length);
        Position += length;
        return true;
    }
}
