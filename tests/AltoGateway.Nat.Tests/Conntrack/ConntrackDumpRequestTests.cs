using AltoGateway.Nat.Conntrack;

namespace AltoGateway.Nat.Tests.Conntrack;

public sealed class ConntrackDumpRequestTests
{
    [Fact]
    public void Dump_request_is_a_ctnetlink_get_with_request_and_dump_flags()
    {
        var buffer = new byte[64];

        Assert.True(ConntrackDumpRequest.TryWrite(buffer, 42, ConntrackAddressFamily.Unspecified, out var written));

        // nlmsghdr: len 20, type 0x0101 (NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET),
        // flags 0x0301 (NLM_F_REQUEST | NLM_F_DUMP), seq 42, pid 0; nfgenmsg: AF_UNSPEC, V0, res_id 0.
        Assert.Equal(20, written);
        Assert.Equal("14000000" + "0101" + "0103" + "2A000000" + "00000000" + "00" + "00" + "0000", Convert.ToHexString(buffer, 0, written));
    }

    [Theory]
    [InlineData(ConntrackAddressFamily.IPv4, 2)]
    [InlineData(ConntrackAddressFamily.IPv6, 10)]
    public void Dump_request_names_the_family(ConntrackAddressFamily family, byte expected)
    {
        var buffer = new byte[ConntrackDumpRequest.Size];

        Assert.True(ConntrackDumpRequest.TryWrite(buffer, 1, family, out _));

        Assert.Equal(expected, buffer[16]);
    }

    [Fact]
    public void Dump_request_needs_twenty_bytes_and_writes_nothing_otherwise()
    {
        var buffer = new byte[19];

        Assert.False(ConntrackDumpRequest.TryWrite(buffer, 1, ConntrackAddressFamily.Unspecified, out var written));

        Assert.Equal(0, written);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Dump_request_reads_back_as_a_netlink_message()
    {
        var buffer = new byte[ConntrackDumpRequest.Size];
        ConntrackDumpRequest.TryWrite(buffer, 9, ConntrackAddressFamily.IPv4, out _);
        var reader = new NetlinkMessageReader(buffer);

        Assert.True(reader.TryRead(out var message, out _));
        Assert.Equal(new NetlinkMessageHeader(20, 0x0101, 0x0301, 9, 0), message.Header);
        Assert.True(NfGenMessage.TryRead(message.Payload, out var nfgen));
        Assert.Equal(new NfGenMessage(ConntrackAddressFamily.IPv4, 0, 0), nfgen);
    }
}
