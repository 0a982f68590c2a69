namespace AltoGateway.Discovery.Dns;

/// <summary>RDATA of a type this codec does not interpret, kept byte for byte (RFC 3597 §4: never decompressed).</summary>
public sealed record DnsRawData(ReadOnlyMemory<byte> Bytes) : DnsRecordData
{
    /// <summary>Equal when the octets are equal, not the buffers.</summary>
    public bool Equals(DnsRawData? other) => other is not null && Bytes.Span.SequenceEqual(other.Bytes.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => Bytes.Length;
}
