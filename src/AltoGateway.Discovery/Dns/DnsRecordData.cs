namespace AltoGateway.Discovery.Dns;

/// <summary>The typed RDATA of one resource record; one subtype per record kind, unknown kinds as <see cref="DnsRawData"/>.</summary>
public abstract record DnsRecordData;
