using System.Text;

namespace AltoGateway.Discovery.Dns;

/// <summary>Reads one possibly compressed name (RFC 1035 §4.1.4) out of a whole message.</summary>
internal static class DnsNameReader
{
    /// <summary>
    /// Reads the name at <paramref name="offset"/>. Bytes in place must end before <paramref name="end"/>
    /// (the end of the RDATA, or of the message), else <paramref name="overrun"/> is the error;
    /// <paramref name="consumed"/> counts those bytes only.
    /// Each pointer must lead to an offset before the part of the name read so far, so positions strictly
    /// decrease and reading always terminates: a pointer after itself is <see cref="DnsReadError.PointerForward"/>,
    /// one into the part already read is <see cref="DnsReadError.PointerLoop"/>.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> message, int offset, int end, bool allowPointers, DnsReadError overrun,
        out string name, out int consumed, out DnsReadError error)
    {
        name = "";
        consumed = 0;
        var text = new StringBuilder();
        var position = offset;
        var segmentStart = offset;
        var limit = end;
        var wireLength = 1; // the root label
        var jumped = false;
        while (true)
        {
            if (position >= limit)
            {
                error = jumped ? DnsReadError.Truncated : overrun;
                return false;
            }

            var length = message[position];
            switch (length & 0xC0)
            {
                case 0 when length == 0:
                    if (!jumped)
                    {
                        consumed = position + 1 - offset;
                    }

                    name = text.Length == 0 ? "." : text.ToString();
                    error = DnsReadError.None;
                    return true;
                case 0:
                    if (position + 1 + length > limit)
                    {
                        error = jumped ? DnsReadError.Truncated : overrun;
                        return false;
                    }

                    wireLength += 1 + length;
                    if (wireLength > DnsNameText.MaxWireLength)
                    {
                        error = DnsReadError.NameTooLong;
                        return false;
                    }

                    DnsNameText.AppendLabel(text, message.Slice(position + 1, length));
                    position += 1 + length;
                    break;
                case 0xC0:
                    if (!allowPointers)
                    {
                        error = DnsReadError.CompressionNotAllowed;
                        return false;
                    }

                    if (position + 2 > limit)
                    {
                        error = jumped ? DnsReadError.Truncated : overrun;
                        return false;
                    }

                    var target = ((length & 0x3F) << 8) | message[position + 1];
                    error = target >= message.Length ? DnsReadError.PointerOutOfRange
                        : target > position ? DnsReadError.PointerForward
                        : target >= segmentStart ? DnsReadError.PointerLoop
                        : DnsReadError.None;
                    if (error != DnsReadError.None)
                    {
                        return false;
                    }

                    if (!jumped)
                    {
                        consumed = position + 2 - offset;
                    }

                    jumped = true;
                    segmentStart = target;
                    position = target;
                    limit = message.Length;
                    break;
                default:
                    // 01 and 10 prefixes are reserved (RFC 1035 §4.1.4; RFC 6891 §5 retired extended labels).
                    error = DnsReadError.BadLabel;
                    return false;
            }
        }
    }
}
