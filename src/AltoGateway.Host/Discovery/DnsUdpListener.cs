using System.Net;
using System.Net.Sockets;
using AltoGateway.Discovery.Responder;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// The responder on UDP: one socket per configured address, read by a few loops at once (one per processor,
/// at most four), each with its own buffers, so answering allocates nothing per datagram. Whatever arrives,
/// the loop goes on: the answerer drops or answers, and socket errors (an ICMP error reported on the socket)
/// are logged and skipped.
/// </summary>
internal sealed class DnsUdpListener(
    DnsAnswerer answerer, DnsListenerSettings settings, DiscoveryMetrics metrics, DiscoveryHealth health, TimeProvider time, ILogger<DnsUdpListener> logger)
    : DnsListener(DnsTransport.Udp, answerer, settings, metrics, health, time, logger)
{
    /// <summary>Any UDP datagram fits, so none is cut short by the kernel.</summary>
    private const int DatagramBufferSize = 65536;

    protected override void Configure(Socket socket, IPEndPoint endpoint) => socket.Bind(endpoint);

    protected override Task ServeAsync(IReadOnlyList<Socket> sockets, CancellationToken stoppingToken)
    {
        var loops = Math.Clamp(Environment.ProcessorCount, 1, 4);
        return Task.WhenAll(sockets.SelectMany(socket => Enumerable.Range(0, loops).Select(_ => ReceiveAsync(socket, stoppingToken))));
    }

    private async Task ReceiveAsync(Socket socket, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var query = GC.AllocateUninitializedArray<byte>(DatagramBufferSize, pinned: true);
        var response = GC.AllocateUninitializedArray<byte>(Math.Max((int)Answerer.Zones.UdpPayloadSize, DnsAnswerer.MinResponseBuffer), pinned: true);
        var remote = new SocketAddress(socket.AddressFamily);
        var local = socket.LocalEndPoint?.ToString() ?? "?";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(query, SocketFlags.None, remote, stoppingToken).ConfigureAwait(false);
                if (Answer(query.AsSpan(0, received), response, () => Describe(remote)) is { Dropped: false } answered)
                {
                    await socket.SendToAsync(response.AsMemory(0, answered.Length), SocketFlags.None, remote, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                DiscoveryLog.SocketError(Logger, "UDP", local, ex.Message);
            }
        }
    }

    private static string Describe(SocketAddress remote)
    {
        try
        {
            var template = remote.Family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
            return template.Create(remote).ToString() ?? "?";
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}
