namespace AltoGateway.Discovery.Dns;

/// <summary>One entry of the question section (RFC 1035 §4.1.2); <see cref="Name"/> is absolute, e.g. "example.net.".</summary>
public sealed record DnsQuestion(string Name, ushort Type, ushort Class = DnsRecordType.InternetClass);
