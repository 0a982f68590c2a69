using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// The text form of a peer ID, version 1: the character <c>1</c>, then unpadded base64url (RFC 4648 §5)
/// of 19 bytes — the epoch as 4 bytes big-endian and the 15-byte tag — 27 characters in all.
/// Decoding is strict: one spelling per ID (exact length, alphabet, and zero unused bits in the last
/// character), so a tracker cannot make a second string that resolves like the first.
/// </summary>
internal static class PeerIdCodec
{
    public const char Version = '1';
    public const int TagLength = 15;
    public const int EncodedLength = 27;

    private const int PayloadLength = 4 + TagLength;

    /// <summary>The unpadded base64url alphabet (RFC 4648 §5).</summary>
    public static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Encode(uint epoch, UInt128 tag)
    {
        Span<byte> payload = stackalloc byte[PayloadLength];
        Write(epoch, tag, payload);
        Span<char> text = stackalloc char[EncodedLength];
        text[0] = Version;
        Base64Url.EncodeToChars(payload, text[1..]);
        return new string(text);
    }

    public static bool TryDecode(ReadOnlySpan<char> text, out uint epoch, out UInt128 tag)
    {
        epoch = 0;
        tag = 0;
        if (text.Length != EncodedLength || text[0] != Version || text[1..].ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[PayloadLength + 2];
        // The OperationStatus form: the Try form throws on bad characters instead of returning false.
        if (Base64Url.DecodeFromChars(text[1..], payload, out _, out var written) != OperationStatus.Done
            || written != PayloadLength)
        {
            return false;
        }

        // Canonical form only: the last character carries 4 unused bits, which must be zero.
        Span<char> again = stackalloc char[EncodedLength - 1];
        Base64Url.EncodeToChars(payload[..PayloadLength], again);
        if (!again.SequenceEqual(text[1..]))
        {
            return false;
        }

        epoch = BinaryPrimitives.ReadUInt32BigEndian(payload);
        Span<byte> tagBytes = stackalloc byte[16];
        tagBytes[0] = 0;
        payload.Slice(4, TagLength).CopyTo(tagBytes[1..]);
        tag = BinaryPrimitives.ReadUInt128BigEndian(tagBytes);
        return true;
    }

    private static void Write(uint epoch, UInt128 tag, Span<byte> payload)
    {
        BinaryPrimitives.WriteUInt32BigEndian(payload, epoch);
        Span<byte> tagBytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(tagBytes, tag);
        tagBytes[1..].CopyTo(payload[4..]);
    }
}
