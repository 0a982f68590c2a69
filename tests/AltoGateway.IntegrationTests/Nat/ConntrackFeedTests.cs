using System.Net;
using System.Net.Sockets;
using System.Text;
using AltoGateway.Nat;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// The conntrack feed against a real kernel NAT: traffic from subscribers through an nft SNAT in a
/// router namespace creates conntrack entries, and the feed (in this process, its netlink socket
/// opened inside the router namespace) must put the right subscriber behind each public address
/// and port that the outside host sees.
/// </summary>
public sealed class ConntrackFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact(Timeout = 120_000)]
    public async Task Feed_learns_each_subscribers_mapping_and_forgets_it_after_conntrack_delete()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var topology = await NatTopology.CreateAsync(20000, 20999);
        await using var feed = new FeedHarness(topology.Router, new AltoGateway.Host.Nat.ConntrackFeedOptions().ReceiveBufferBytes);
        await feed.StartAsync(cancellationToken);
        await using var outside = await OutsideHost.StartAsync(topology);

        // Each subscriber opens a TCP connection and sends a UDP datagram, naming itself.
        var subscribers = new[] { NatTopology.Subscriber1, NatTopology.Subscriber2 };
        var sockets = await NetworkNamespaceThread.RunAsync(topology.Subscribers, () => subscribers.SelectMany(address =>
        {
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            return new[] { (Name: $"tcp {address}", Protocol: NatProtocol.Tcp, Socket: tcp), (Name: $"udp {address}", Protocol: NatProtocol.Udp, Socket: udp) };
        }).ToList());
        try
        {
            var outsideTcp = new IPEndPoint(IPAddress.Parse(NatTopology.Outside), OutsideHost.TcpPort);
            var outsideUdp = new IPEndPoint(IPAddress.Parse(NatTopology.Outside), OutsideHost.UdpPort);
            foreach (var (name, protocol, socket) in sockets)
            {
                if (protocol == NatProtocol.Tcp)
                {
                    await socket.ConnectAsync(outsideTcp, cancellationToken);
                    await socket.SendAsync(Encoding.ASCII.GetBytes(name + "\n"), SocketFlags.None, cancellationToken);
                }
                else
                {
                    await socket.SendToAsync(Encoding.ASCII.GetBytes(name), SocketFlags.None, outsideUdp, cancellationToken);
                }
            }

            await feed.Until(() => outside.Seen.Count == sockets.Count, Patience, "the outside host to see every subscriber", cancellationToken);

            // The public side the outside host saw leads back to the subscriber and its port.
            foreach (var (name, protocol, socket) in sockets)
            {
                var seen = outside.Seen[name];
                var inside = (IPEndPoint)socket.LocalEndPoint!;
                Assert.Contains(seen.Address, new[] { IPAddress.Parse(NatTopology.PoolFirst), IPAddress.Parse(NatTopology.PoolLast) });
                Assert.InRange(seen.Port, 20000, 20999);
                await feed.Until(
                    () => feed.Map.TryFindByExternal(protocol, seen.Address, (ushort)seen.Port, out var entry)
                          && entry.Mapping.InternalAddress.Equals(inside.Address)
                          && entry.Mapping.InternalPort == inside.Port,
                    Patience,
                    $"{protocol} {seen} to map to {inside}",
                    cancellationToken);
            }

            Assert.Equal(sockets.Count, feed.Map.Count);
            Assert.True(feed.Counter("altogw.conntrack.events{kind=new}") >= sockets.Count, feed.Log);

            // conntrack -D in the router: the kernel reports each deletion as a DESTROY event.
            foreach (var address in subscribers)
            {
                var (exit, output) = await topology.InRouterAsync(topology.Conntrack, ["-D", "-s", address]);
                Assert.True(exit == 0, $"conntrack -D -s {address} failed ({exit}): {output}");
            }

            foreach (var (name, protocol, _) in sockets)
            {
                var seen = outside.Seen[name];
                await feed.Until(() => !feed.Map.TryFindByExternal(protocol, seen.Address, (ushort)seen.Port, out _), Patience,
                    $"{protocol} {seen} to be forgotten", cancellationToken);
            }

            Assert.Equal(0, feed.Map.Count);
            Assert.True(feed.Counter("altogw.conntrack.events{kind=destroy}") >= sockets.Count, feed.Log);
            Assert.Equal(0, feed.Counter("altogw.conntrack.malformed"));
        }
        finally
        {
            foreach (var (_, _, socket) in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact(Timeout = 300_000)]
    public async Task An_event_overflow_ends_in_a_resync_that_matches_the_kernel_table()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        // A wide port range: every flow goes to the same outside port, so each needs its own public port.
        await using var topology = await NatTopology.CreateAsync(20000, 29999);

        // The smallest receive buffer the kernel grants holds a few events: a burst overflows it.
        await using var feed = new FeedHarness(topology.Router, receiveBufferBytes: 1024);
        await feed.StartAsync(cancellationToken);
        await using var outside = await OutsideHost.StartAsync(topology);

        const int flowsPerSubscriber = 1500;
        const int maxBursts = 4;
        for (var burst = 0; burst < maxBursts && feed.Counter("altogw.conntrack.overflows") == 0; burst++)
        {
            var firstPort = 30000 + (burst * flowsPerSubscriber);
            await Task.WhenAll(
                SendBurstAsync(topology, NatTopology.Subscriber1, firstPort, flowsPerSubscriber),
                SendBurstAsync(topology, NatTopology.Subscriber2, firstPort, flowsPerSubscriber));

            // ENOBUFS is reported at the feed's next receive, right after the burst at the latest.
            await Task.Delay(500, cancellationToken);
        }

        Assert.True(feed.Counter("altogw.conntrack.overflows") > 0, $"{maxBursts} bursts of {2 * flowsPerSubscriber} flows never overflowed; feed log:\n{feed.Log}");
        string? mismatch = null;
        await feed.Until(
            () =>
            {
                mismatch = feed.Counter("altogw.conntrack.resyncs{reason=overflow}") == 0
                    ? "no overflow resync finished yet"
                    : CompareWithKernel(feed, topology).GetAwaiter().GetResult();
                return mismatch is null;
            },
            TimeSpan.FromSeconds(90),
            () => $"the NAT map to match conntrack -L after the resync: {mismatch}",
            cancellationToken);
        Assert.Null(mismatch);
        Assert.True(feed.Map.Count >= 2 * flowsPerSubscriber, $"only {feed.Map.Count} mappings");
        TestContext.Current.TestOutputHelper?.WriteLine(feed.Log);
    }

    /// <summary>One datagram from each of <paramref name="count"/> consecutive source ports, as fast as one thread can.</summary>
    private static Task<int> SendBurstAsync(NatTopology topology, string subscriber, int firstPort, int count) =>
        NetworkNamespaceThread.RunAsync(topology.Subscribers, () =>
        {
            var payload = "burst"u8.ToArray();
            var outside = new IPEndPoint(IPAddress.Parse(NatTopology.Outside), OutsideHost.UdpPort);
            var address = IPAddress.Parse(subscriber);
            for (var i = 0; i < count; i++)
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(address, firstPort + i));
                socket.SendTo(payload, outside);
            }

            return count;
        });

    /// <summary>Null when the map holds exactly the NATed flows of <c>conntrack -L</c>; otherwise what differs.</summary>
    private static async Task<string?> CompareWithKernel(FeedHarness feed, NatTopology topology)
    {
        var kernel = await ConntrackListing.ReadAsync(topology);
        var missing = new List<string>();
        var wrong = new List<string>();
        foreach (var ((protocol, address, port), inside) in kernel)
        {
            if (!feed.Map.TryFindByExternal(protocol, address, port, out var entry))
            {
                missing.Add($"{protocol} {address}:{port}");
            }
            else if (!entry.Mapping.InternalAddress.Equals(inside.Address) || entry.Mapping.InternalPort != inside.Port)
            {
                wrong.Add($"{protocol} {address}:{port} -> {entry.Mapping.InternalAddress}:{entry.Mapping.InternalPort}, kernel {inside}");
            }
        }

        var stale = feed.Map.Count - (kernel.Count - missing.Count);
        return missing.Count == 0 && wrong.Count == 0 && stale == 0
            ? null
            : $"{kernel.Count} NATed flows in the kernel, {feed.Map.Count} mappings; missing {missing.Count} (e.g. {string.Join(", ", missing.Take(3))}), " +
              $"wrong {wrong.Count} (e.g. {string.Join(", ", wrong.Take(3))}), stale {stale}";
    }
}
