using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Dns;

/// <summary>
/// NAPTR RDATA (RFC 3403 §4.1). The three character-strings map octet for octet onto Latin-1 text so that
/// any bytes survive a round trip; the replacement is an absolute name, "." for none.
/// </summary>
public sealed record DnsNaptrData(NaptrRecord Record) : DnsRecordData;
