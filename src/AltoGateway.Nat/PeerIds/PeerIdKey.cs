using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// The master key K of the peer-ID issuer: 32 random bytes, kept by the host in the state directory so
/// that peer IDs survive a restart. This type only makes and reads the key file's content; the host
/// does the file I/O (and creates the file with mode 0600).
/// <para>Key file, version 1 (UTF-8 text): <c>altogw-peer-id-key 1</c>, a line break, the key as 43
/// characters of unpadded base64url, a line break.</para>
/// </summary>
public sealed class PeerIdKey
{
    /// <summary>The key length in bytes.</summary>
    public const int Length = 32;

    private const string Header = "altogw-peer-id-key";
    private const int FormatVersion = 1;

    private readonly byte[] _bytes;

    private PeerIdKey(byte[] bytes) => _bytes = bytes;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A new key from <paramref name="random"/> (pass <see cref="RandomNumberGenerator.Create()"/>).</summary>
    public static PeerIdKey Generate(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new byte[Length];
        do
        {
            random.GetBytes(bytes);
        }
        while (bytes.AsSpan().IndexOfAnyExcept((byte)0) < 0);

        return new PeerIdKey(bytes);
    }

    /// <summary>A key from its 32 bytes (trusted input, e.g. a test vector).</summary>
    internal static PeerIdKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a peer-ID key is {Length} bytes", nameof(bytes));
        }

        return new PeerIdKey(bytes.ToArray());
    }

    /// <summary>Reads the content of a key file; a bad file is an error value, never an exception.</summary>
    public static bool TryParseKeyFile(
        ReadOnlySpan<char> content,
        [NotNullWhen(true)] out PeerIdKey? key,
        out PeerIdKeyFileError error)
    {
        key = null;
        error = Parse(content, out var bytes);
        if (error == PeerIdKeyFileError.None)
        {
            key = new PeerIdKey(bytes!);
        }

        return key is not null;
    }

    /// <summary>The content of the key file for this key.</summary>
    public string ToKeyFileContent() =>
        string.Create(CultureInfo.InvariantCulture, $"{Header} {FormatVersion}\n{Base64Url.EncodeToString(_bytes)}\n");

    /// <inheritdoc />
    public override string ToString() => "PeerIdKey (secret)";

    private static PeerIdKeyFileError Parse(ReadOnlySpan<char> content, out byte[]? bytes)
    {
        bytes = null;
        if (content.IsWhiteSpace())
        {
            return PeerIdKeyFileError.Empty;
        }

        var header = NextLine(ref content);
        if (!header.StartsWith(Header + " ", StringComparison.Ordinal))
        {
            return PeerIdKeyFileError.NotAKeyFile;
        }

        if (!header[(Header.Length + 1)..].SequenceEqual("1"))
        {
            return PeerIdKeyFileError.UnsupportedVersion;
        }

        var keyLine = NextLine(ref content);
        if (keyLine.IsEmpty)
        {
            return PeerIdKeyFileError.MissingKey;
        }

        if (!content.IsWhiteSpace())
        {
            return PeerIdKeyFileError.TrailingContent;
        }

        if (keyLine.ContainsAnyExcept(PeerIdCodec.Base64UrlAlphabet))
        {
            return PeerIdKeyFileError.KeyNotBase64Url;
        }

        if (keyLine.Length > 2 * Length)
        {
            return PeerIdKeyFileError.WrongKeyLength;
        }

        Span<byte> buffer = stackalloc byte[2 * Length];
        if (Base64Url.DecodeFromChars(keyLine, buffer, out _, out var written) != OperationStatus.Done)
        {
            return PeerIdKeyFileError.KeyNotBase64Url;
        }

        if (written != Length)
        {
            return PeerIdKeyFileError.WrongKeyLength;
        }

        if (buffer[..Length].IndexOfAnyExcept((byte)0) < 0)
        {
            return PeerIdKeyFileError.KeyAllZero;
        }

        bytes = buffer[..Length].ToArray();
        return PeerIdKeyFileError.None;
    }

    private static ReadOnlySpan<char> NextLine(ref ReadOnlySpan<char> content)
    {
        var end = content.IndexOf('\n');
        var line = end < 0 ? content : content[..end];
        content = end < 0 ? [] : content[(end + 1)..];
        return line.TrimEnd('\r');
    }
}
