namespace AltoGateway.Discovery.Dns;

/// <summary>One {OPTION-CODE, OPTION-LENGTH, OPTION-DATA} element of OPT RDATA (RFC 6891 §6.1.2), kept as bytes.</summary>
public sealed record EdnsOption(ushort Code, ReadOnlyMemory<byte> Data)
{
    /// <summary>Equal when the code and the octets are equal, not the buffers.</summary>
    public bool Equals(EdnsOption? other) => other is not null && Code == other.Code && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Data.Length);
}
