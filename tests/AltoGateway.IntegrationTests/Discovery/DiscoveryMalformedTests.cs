using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Discovery;

/// <summary>
/// Malformed datagrams and TCP streams sent to a real agent's responder: each readable header gets FORMERR,
/// the rest are dropped or close their connection, the malformed counter counts them, and the agent answers on.
/// </summary>
public sealed class DiscoveryMalformedTests(ResponderAgent agent) : IClassFixture<ResponderAgent>
{
    private static readonly byte[] GoodQuery = Hex("beef 0000 0001 0000 0000 0000 07 6578616d706c65 03 6e6574 00 0023 0001");

    private static readonly byte[][] WithHeader =
    [
        Hex("0001 0000 0001 0000 0000 0000 07 6578616d706c65 03 6e65"), // cut inside the name
        Hex("0002 0000 0001 0000 0000 0000 c00c 0023 0001"), // compression loop: the name points at itself
        Hex("0003 0000 0001 0000 0000 0000 03 616263 c00e 0023 0001"), // pointer forward into its own tail
        Hex("0004 0000 ffff ffff ffff ffff 00 0001 0001"), // huge counts
        Hex("0005 0000 0001 0000 0000 0001 00 0001 0001 00 0029 1000 00000000 00ff 00"), // OPT RDLENGTH past the end
    ];

    [Fact]
    public async Task Malformed_datagrams_get_FORMERR_or_are_dropped_and_the_agent_answers_on()
    {
        var before = await MalformedAsync("udp");
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(IPAddress.Loopback, agent.Dns);

        foreach (var datagram in WithHeader)
        {
            await udp.SendAsync(datagram, Cancel);
            var response = await ReceiveAsync(udp);
            Assert.Equal(datagram.AsSpan(0, 2).ToArray(), response.AsSpan(0, 2).ToArray()); // the ID
            Assert.Equal(0x80, response[2] & 0x80); // QR
            Assert.Equal(1, response[3] & 0xF); // FORMERR
        }

        await udp.SendAsync(new byte[5], Cancel); // no header: dropped
        await udp.SendAsync(Array.Empty<byte>(), Cancel);
        await udp.SendAsync(GoodQuery, Cancel);
        var answer = await ReceiveAsync(udp); // the next answer is the good query's: the short ones got none
        Assert.Equal((0xbe, 0xef, 0), (answer[0], answer[1], answer[3] & 0xF));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(6)));

        var after = await MalformedAsync("udp");
        Assert.True(after - before >= WithHeader.Length + 2, $"malformed went from {before} to {after}");
    }

    [Fact]
    public async Task Malformed_TCP_streams_close_their_connection_and_the_agent_answers_on()
    {
        var before = await MalformedAsync("tcp");

        // A zero-length frame, then a stream that ends inside a message: each connection is closed.
        foreach (var stream in new[] { Hex("0000"), Hex("0040 beef 0000 0001") })
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, agent.Dns, Cancel);
            var network = tcp.GetStream();
            await network.WriteAsync(stream, Cancel);
            tcp.Client.Shutdown(SocketShutdown.Send);
            Assert.Equal(0, await network.ReadAsync(new byte[64], Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        }

        // Malformed messages with a header, then a good one, on one connection: answered in order.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, agent.Dns, Cancel);
        var connection = client.GetStream();
        foreach (var message in WithHeader.Append(GoodQuery))
        {
            var frame = new byte[2 + message.Length];
            BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
            message.CopyTo(frame, 2);
            await connection.WriteAsync(frame, Cancel);
        }

        foreach (var message in WithHeader.Append(GoodQuery))
        {
            var prefix = new byte[2];
            await connection.ReadExactlyAsync(prefix, Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            var response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await connection.ReadExactlyAsync(response, Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            Assert.Equal(message.AsSpan(0, 2).ToArray(), response.AsSpan(0, 2).ToArray());
            Assert.Equal(message == GoodQuery ? 0 : 1, response[3] & 0xF);
        }

        var after = await MalformedAsync("tcp");
        Assert.True(after - before >= WithHeader.Length + 2, $"malformed went from {before} to {after}");
        using var healthz = await agent.Http.GetAsync($"http://127.0.0.1:{agent.Lan}/healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
    }

    private async Task<double> MalformedAsync(string transport) =>
        (await agent.MetricsAsync()).GetValueOrDefault($"altogw_dns_malformed_total{{transport=\"{transport}\"}}");

    private static async Task<byte[]> ReceiveAsync(UdpClient udp) =>
        (await udp.ReceiveAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel)).Buffer;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
