using System.Net;
using AltoGateway.Nat.Conntrack;
using AltoGateway.Nat.Map;

namespace AltoGateway.Nat.Tests.Conntrack;

/// <summary>
/// Bytes the Linux kernel (6.18) really sent. Captured in three network namespaces: a subscriber
/// namespace (10.77.0.2 and 10.77.0.3, fd77::2) routed through a router namespace with the nft rules
/// <c>oifname "cr1" ip saddr 10.77.0.0/24 meta l4proto { tcp, udp } snat ip to
/// 198.51.100.10-198.51.100.11:20000-20999</c> and <c>... ip6 saddr fd77::/64 ... snat ip6 to
/// [2001:db8:1::10]:20000-20999</c> to an outside namespace (192.0.2.100, 2001:db8::100) running a
/// TCP echo on port 7000 and a UDP echo on 7001. A netlink socket created inside the router
/// namespace (<c>ip netns exec</c>), joined to NFNLGRP_CONNTRACK_NEW/UPDATE/DESTROY, printed each
/// datagram as hex while the subscribers connected from fixed ports 40001-40003; the dump is the
/// answer to an IPCTNL_MSG_CT_GET NLM_F_DUMP request with sequence 42, and the destroy event came
/// from <c>conntrack -D -p tcp</c> run in the router namespace.
/// </summary>
public sealed class KernelCaptureTests
{
    private const string TcpNew =
        "C4000000000100060000000000000000020000003400018014000180080001000A4D000208000200C00002641C000280" +
        "0500010006000000060002009C410000060003001B580000340002801400018008000100C000026408000200C633640B" +
        "1C0002800500010006000000060002001B580000060003004EEE000008000C002422B764080003000000019808000700" +
        "00000078300004802C0001800500010001000000050002000A0000000500030000000000060004000300000006000500" +
        "00000000";

    private const string TcpUpdate =
        "C4000000000100000000000000000000020000003400018014000180080001000A4D000208000200C00002641C000280" +
        "0500010006000000060002009C410000060003001B580000340002801400018008000100C000026408000200C633640B" +
        "1C0002800500010006000000060002001B580000060003004EEE000008000C002422B764080003000000019E08000700" +
        "00069780300004802C0001800500010003000000050002000A000000050003000A000000060004002300000006000500" +
        "23000000";

    private const string UdpNew =
        "94000000000100060000000000000000020000003400018014000180080001000A4D000308000200C00002641C000280" +
        "0500010011000000060002009C420000060003001B590000340002801400018008000100C000026408000200C633640B" +
        "1C0002800500010011000000060002001B59000006000300501E000008000C0046CDF98B080003000000019808000700" +
        "0000001E";

    private const string Udp6New =
        "C40000000001000600000000000000000A0000004C0001802C00018014000300FD770000000000000000000000000002" +
        "1400040020010DB80000000000000000000001001C0002800500010011000000060002009C430000060003001B590000" +
        "4C0002802C0001801400030020010DB80000000000000000000001001400040020010DB8000100000000000000000010" +
        "1C0002800500010011000000060002001B590000060003004F34000008000C00FD7D2FEB080003000000019808000700" +
        "0000001E";

    private const string Dump =
        "D4000000000102002A0000009D3300000A0000004C0001802C00018014000300FD770000000000000000000000000002" +
        "1400040020010DB80000000000000000000001001C0002800500010011000000060002009C430000060003001B590000" +
        "4C0002802C0001801400030020010DB80000000000000000000001001400040020010DB8000100000000000000000010" +
        "1C0002800500010011000000060002001B590000060003004F340000080003000000019A080008000000000008000C00" +
        "FD7D2FEB08000B00000000010800070000000016A4000000000102002A0000009D330000020000003400018014000180" +
        "080001000A4D000308000200C00002641C0002800500010011000000060002009C420000060003001B59000034000280" +
        "1400018008000100C000026408000200C633640B1C0002800500010011000000060002001B59000006000300501E0000" +
        "080003000000019A080008000000000008000C0046CDF98B08000B00000000010800070000000016D400000000010200" +
        "2A0000009D330000020000003400018014000180080001000A4D000208000200C00002641C0002800500010006000000" +
        "060002009C410000060003001B580000340002801400018008000100C000026408000200C633640B1C00028005000100" +
        "06000000060002001B580000060003004EEE0000080003000000019E080008000000000008000C002422B76408000B00" +
        "000000010800070000000070300004802C0001800500010007000000050002000A000000050003000A00000006000400" +
        "230000000600050027000000";

    private const string DumpDone =
        "14000000030002002A0000009D33000000000000";

    private const string TcpDestroy =
        "A4000000020100000000000044780CC0020000003400018014000180080001000A4D000208000200C00002641C000280" +
        "0500010006000000060002009C410000060003001B580000340002801400018008000100C000026408000200C633640B" +
        "1C0002800500010006000000060002001B580000060003004EEE000008000C002422B764080003000000039E08000700" +
        "0000006E100004800C0001800500010007000000";

    [Fact]
    public void Kernel_new_event_of_a_source_NATed_TCP_flow()
    {
        var conntrackEvent = ConntrackEventDecoderTests.Decode(Convert.FromHexString(TcpNew));

        Assert.Equal(ConntrackEventKind.New, conntrackEvent.Kind);
        Assert.Equal(ConntrackAddressFamily.IPv4, conntrackEvent.Family);
        Assert.Equal(new ConntrackTuple(IPAddress.Parse("10.77.0.2"), 40001, IPAddress.Parse("192.0.2.100"), 7000, 6), conntrackEvent.Original);
        Assert.Equal(new ConntrackTuple(IPAddress.Parse("192.0.2.100"), 7000, IPAddress.Parse("198.51.100.11"), 20206, 6), conntrackEvent.Reply);
        Assert.Equal(TimeSpan.FromSeconds(120), conntrackEvent.Timeout); // SYN_SENT
        Assert.Equal(0x2422B764u, conntrackEvent.Id);
        Assert.Equal(0x198u, conntrackEvent.Status); // CONFIRMED | SRC_NAT | SRC_NAT_DONE | DST_NAT_DONE
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(
            new NatMapping(NatProtocol.Tcp, IPAddress.Parse("10.77.0.2"), 40001, IPAddress.Parse("198.51.100.11"), 20206, NatMappingSource.Conntrack),
            mapping);
    }

    [Fact]
    public void Kernel_update_event_of_an_established_TCP_flow()
    {
        var conntrackEvent = ConntrackEventDecoderTests.Decode(Convert.FromHexString(TcpUpdate));

        Assert.Equal(ConntrackEventKind.Update, conntrackEvent.Kind);
        Assert.Equal(TimeSpan.FromSeconds(432000), conntrackEvent.Timeout); // ESTABLISHED: 5 days
        Assert.Equal(0x2422B764u, conntrackEvent.Id);
    }

    [Fact]
    public void Kernel_new_event_of_a_source_NATed_UDP_flow()
    {
        var conntrackEvent = ConntrackEventDecoderTests.Decode(Convert.FromHexString(UdpNew));

        Assert.Equal(ConntrackEventKind.New, conntrackEvent.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), conntrackEvent.Timeout);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(
            new NatMapping(NatProtocol.Udp, IPAddress.Parse("10.77.0.3"), 40002, IPAddress.Parse("198.51.100.11"), 20510, NatMappingSource.Conntrack),
            mapping);
    }

    [Fact]
    public void Kernel_new_event_of_a_source_NATed_UDP_IPv6_flow()
    {
        var conntrackEvent = ConntrackEventDecoderTests.Decode(Convert.FromHexString(Udp6New));

        Assert.Equal(ConntrackAddressFamily.IPv6, conntrackEvent.Family);
        Assert.Equal(ConntrackMappingOutcome.SourceNat, conntrackEvent.TryGetSourceNatMapping(out var mapping));
        Assert.Equal(
            new NatMapping(NatProtocol.Udp, IPAddress.Parse("fd77::2"), 40003, IPAddress.Parse("2001:db8:1::10"), 20276, NatMappingSource.Conntrack),
            mapping);
    }

    [Fact]
    public void Kernel_destroy_event_after_conntrack_delete()
    {
        var conntrackEvent = ConntrackEventDecoderTests.Decode(Convert.FromHexString(TcpDestroy));

        Assert.Equal(ConntrackEventKind.Destroy, conntrackEvent.Kind);
        Assert.Equal(TimeSpan.FromSeconds(110), conntrackEvent.Timeout); // what was left of TIME_WAIT
        Assert.Equal(0x2422B764u, conntrackEvent.Id);
        Assert.Equal(IPAddress.Parse("198.51.100.11"), conntrackEvent.ExternalAddress);
        Assert.Equal(20206, conntrackEvent.ExternalPort);
    }

    [Fact]
    public void Kernel_dump_reply_holds_every_entry_then_done()
    {
        var datagram = Convert.FromHexString(Dump);
        var reader = new NetlinkMessageReader(datagram);
        var externals = new List<string>();
        while (reader.TryRead(out var message, out var error))
        {
            Assert.Equal(42u, message.Header.Sequence);
            Assert.Equal(NetlinkMessageFlags.Multi, message.Header.Flags);
            Assert.True(ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out error), error.ToString());
            Assert.Equal(ConntrackEventKind.Update, conntrackEvent.Kind);
            Assert.NotNull(conntrackEvent.Mark);
            externals.Add($"{conntrackEvent.Protocol} [{conntrackEvent.ExternalAddress}]:{conntrackEvent.ExternalPort}");
        }

        Assert.Equal(datagram.Length, reader.Consumed);
        Assert.Equal(["17 [2001:db8:1::10]:20276", "17 [198.51.100.11]:20510", "6 [198.51.100.11]:20206"], externals);

        var done = new NetlinkMessageReader(Convert.FromHexString(DumpDone));
        Assert.True(done.TryRead(out var last, out _));
        Assert.Equal(NetlinkMessageTypes.Done, last.Header.Type);
        Assert.Equal(42u, last.Header.Sequence);
    }

    /// <summary>The captured vectors, for the property tests to mutate.</summary>
    internal static IReadOnlyList<byte[]> All() =>
        [.. new[] { TcpNew, TcpUpdate, UdpNew, Udp6New, Dump, DumpDone, TcpDestroy }.Select(Convert.FromHexString)];
}
