namespace AltoGateway.Discovery.Dns;

/// <summary>SOA RDATA (RFC 1035 §3.3.13); <see cref="Minimum"/> is the negative-caching TTL (RFC 2308 §4).</summary>
public sealed record DnsSoaData(
    string PrimaryServer, string Mailbox, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum) : DnsRecordData;
