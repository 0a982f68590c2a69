namespace AltoGateway.Discovery.Dns;

/// <summary>NS RDATA (RFC 1035 §3.3.11): the host name of an authoritative server.</summary>
public sealed record DnsNsData(string Host) : DnsRecordData;
