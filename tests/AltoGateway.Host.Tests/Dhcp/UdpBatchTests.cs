using System.Net;
using System.Net.Sockets;
using AltoGateway.Host.Dhcp;

namespace AltoGateway.Host.Tests.Dhcp;

/// <summary>
/// <see cref="UdpBatch"/> against real sockets on loopback: recvmmsg takes every queued datagram with its source and
/// IP_PKTINFO, flags one longer than a slot, and sendmmsg delivers a queued batch in order; the sockaddr codec
/// round-trips IPv4 and IPv6 (with scope) endpoints.
/// </summary>
public sealed class UdpBatchTests
{
    [Fact]
    public void Receives_every_queued_datagram_with_source_and_arrival_in_one_call()
    {
        using var server = Bound(IPAddress.Loopback);
        server.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
        using var client = Bound(IPAddress.Loopback);
        var destination = (IPEndPoint)server.LocalEndPoint!;
        for (var n = 0; n < 5; n++)
        {
            client.SendTo(new byte[] { (byte)n, 0xAA, (byte)(n * 3) }, destination);
        }

        client.SendTo(new byte[UdpBatch.DatagramCapacity + 1], destination);
        var batch = new UdpBatch();

        Assert.Equal(6, batch.Receive(server));
        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(new byte[] { (byte)n, 0xAA, (byte)(n * 3) }, batch.Datagram(n).ToArray());
            Assert.False(batch.Truncated(n));
            Assert.Equal(client.LocalEndPoint, batch.Source(n));
            var arrival = batch.Arrival(n);
            Assert.Equal(IPAddress.Loopback, arrival.Address);
            Assert.Equal(1, arrival.InterfaceIndex); // lo
        }

        Assert.True(batch.Truncated(5));
        Assert.Equal(UdpBatch.DatagramCapacity, batch.Datagram(5).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Datagram(6));
    }

    [Fact]
    public void A_receive_with_nothing_queued_returns_none_after_the_socket_timeout()
    {
        using var server = Bound(IPAddress.Loopback);
        server.ReceiveTimeout = 50;
        Assert.Equal(0, new UdpBatch().Receive(server));
    }

    [Fact]
    public void Sends_a_queued_batch_in_order_and_reports_each_datagram()
    {
        using var sender = Bound(IPAddress.Loopback);
        using var receiver = Bound(IPAddress.Loopback);
        receiver.ReceiveTimeout = 2000;
        var batch = new UdpBatch();
        for (var n = 0; n < UdpBatch.Capacity; n++)
        {
            Assert.True(batch.TryQueue([(byte)n, (byte)(255 - n)], (IPEndPoint)receiver.LocalEndPoint!, $"reply {n}"));
        }

        Assert.False(batch.TryQueue([1], (IPEndPoint)receiver.LocalEndPoint!, "one too many"));
        Assert.False(new UdpBatch().TryQueue(new byte[UdpBatch.DatagramCapacity + 1], (IPEndPoint)receiver.LocalEndPoint!, "too long"));
        var reported = new List<(string? Tag, SocketError Error)>();
        batch.Send(sender, (_, tag, error) => reported.Add((tag, error)));

        Assert.Equal(0, batch.Queued);
        Assert.Equal(Enumerable.Range(0, UdpBatch.Capacity).Select(n => ((string?)$"reply {n}", SocketError.Success)), reported);
        var buffer = new byte[16];
        for (var n = 0; n < UdpBatch.Capacity; n++)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            Assert.Equal(2, receiver.ReceiveFrom(buffer, ref from));
            Assert.Equal(new byte[] { (byte)n, (byte)(255 - n) }, buffer[..2]);
            Assert.Equal(sender.LocalEndPoint, from);
        }
    }

    [Fact]
    public void A_datagram_the_kernel_refuses_is_reported_and_the_rest_still_go()
    {
        // A broadcast without SO_BROADCAST is refused (EACCES); the datagrams around it are sent.
        using var sender = Bound(IPAddress.Any);
        using var receiver = Bound(IPAddress.Loopback);
        receiver.ReceiveTimeout = 2000;
        var batch = new UdpBatch();
        Assert.True(batch.TryQueue([1], (IPEndPoint)receiver.LocalEndPoint!, "first"));
        Assert.True(batch.TryQueue([2], new IPEndPoint(IPAddress.Broadcast, 9), "refused"));
        Assert.True(batch.TryQueue([3], (IPEndPoint)receiver.LocalEndPoint!, "third"));
        var reported = new List<(string? Tag, SocketError Error)>();
        batch.Send(sender, (_, tag, error) => reported.Add((tag, error)));

        Assert.Equal([("first", SocketError.Success), ("refused", SocketError.AccessDenied), ("third", SocketError.Success)], reported);
        var buffer = new byte[4];
        Assert.Equal(1, receiver.Receive(buffer));
        Assert.Equal(1, buffer[0]);
        Assert.Equal(1, receiver.Receive(buffer));
        Assert.Equal(3, buffer[0]);
    }

    [Theory]
    [InlineData("192.0.2.7", 67, 0)]
    [InlineData("2001:db8::1", 547, 0)]
    [InlineData("fe80::1", 546, 3)]
    public void Socket_addresses_round_trip(string address, int port, long scope)
    {
        var ip = IPAddress.Parse(address);
        if (scope != 0)
        {
            ip.ScopeId = scope;
        }

        var endpoint = new IPEndPoint(ip, port);
        var name = new byte[32];
        var length = UdpBatch.WriteSocketAddress(endpoint, name);

        Assert.Equal(ip.AddressFamily == AddressFamily.InterNetwork ? 16 : 28, length);
        Assert.Equal(endpoint, UdpBatch.ReadSocketAddress(name));
        Assert.Equal(scope, UdpBatch.ReadSocketAddress(name).Address.IsIPv6LinkLocal ? UdpBatch.ReadSocketAddress(name).Address.ScopeId : 0);
    }

    private static Socket Bound(IPAddress address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }
}
