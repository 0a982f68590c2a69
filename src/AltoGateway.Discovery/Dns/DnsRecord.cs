namespace AltoGateway.Discovery.Dns;

/// <summary>
/// One resource record (RFC 1035 §4.1.3). <see cref="Name"/> is absolute ("example.net.", "." for the root).
/// For OPT the <see cref="Class"/> and <see cref="Ttl"/> are what the wire carried; the writer takes them from <see cref="DnsOptData"/>.
/// </summary>
public sealed record DnsRecord(string Name, ushort Type, ushort Class, uint Ttl, DnsRecordData Data);
