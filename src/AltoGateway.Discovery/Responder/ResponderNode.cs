namespace AltoGateway.Discovery.Responder;

/// <summary>What a name is inside a zone; <see cref="Missing"/> answers NXDOMAIN.</summary>
[Flags]
internal enum ResponderNode
{
    /// <summary>No such name in the zone (RFC 2308 §2.1, NXDOMAIN).</summary>
    Missing = 0,

    /// <summary>The name exists: other types are NODATA (RFC 2308 §2.2), an empty non-terminal too (RFC 8020).</summary>
    Exists = 1,

    /// <summary>The zone apex: it holds SOA and NS.</summary>
    Apex = 2,

    /// <summary>The name holds the ALTO U-NAPTR records.</summary>
    Naptr = 4,
}
