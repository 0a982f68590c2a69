using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>The outside name of a mapping: protocol, public address and port.</summary>
public readonly record struct ExternalKey(NatProtocol Protocol, IPAddress Address, ushort Port);
