using System.Security.Cryptography;
using System.Text;
using AltoGateway.Host.Configuration;

namespace AltoGateway.Host.Http;

/// <summary>
/// The configured bearer tokens, kept as SHA-256 hashes. A presented token is hashed and compared
/// with every entry by <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the time
/// taken nor the answer tells a wrong token from an unknown one, or how much of it was right.
/// </summary>
internal sealed class BearerTokenTable
{
    private readonly (string Name, byte[] Hash)[] _entries;

    public BearerTokenTable(IEnumerable<WanTokenOptions> tokens) =>
        _entries = tokens.Select(t => (t.Name, SHA256.HashData(Encoding.UTF8.GetBytes(t.Token)))).ToArray();

    public int Count => _entries.Length;

    /// <summary>The name of the token in an <c>Authorization: Bearer TOKEN</c> header (RFC 6750 §2.1), or null.</summary>
    public string? NameOf(string? authorization) =>
        TryReadBearer(authorization, out var token) ? NameOfToken(token) : null;

    /// <summary>The name of a token, or null.</summary>
    public string? NameOfToken(ReadOnlySpan<char> token)
    {
        if (token.Length > WanTokenRules.MaxTokenLength)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(WanTokenRules.MaxTokenLength)];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(token, utf8)], hash);
        string? name = null;
        foreach (var entry in _entries)
        {
            // Every entry is compared, also after a match.
            var match = CryptographicOperations.FixedTimeEquals(hash, entry.Hash);
            name = match ? entry.Name : name;
        }

        return name;
    }

    /// <summary>
    /// The credentials of <c>Bearer TOKEN</c>: the scheme is case-insensitive (RFC 9110 §11.1), one
    /// or more spaces follow it, and the token runs to the end (surrounding blanks trimmed).
    /// </summary>
    public static bool TryReadBearer(string? authorization, out ReadOnlySpan<char> token)
    {
        const string scheme = "Bearer ";
        token = default;
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = authorization.AsSpan(scheme.Length).Trim(' ');
        return token.Length > 0;
    }
}
