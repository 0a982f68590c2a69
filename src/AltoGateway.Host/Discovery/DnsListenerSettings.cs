using System.Net;

namespace AltoGateway.Host.Discovery;

/// <summary>What the UDP and TCP listeners need of the <c>Discovery</c> section.</summary>
internal sealed record DnsListenerSettings(IReadOnlyList<IPEndPoint> Endpoints, int MaxTcpConnections, TimeSpan TcpIdleTimeout);
