namespace AltoGateway.Discovery.Dns;

/// <summary>
/// CNAME RDATA (RFC 1035 §3.3.1): the canonical name the owner is an alias of. RFC 2317 delegation of reverse
/// zones smaller than a /24 answers RFC 8686 lookups through such aliases (RFC 8686 §5.2.2).
/// </summary>
public sealed record DnsCnameData(string Target) : DnsRecordData;
