using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Tests.V4;
using Microsoft.Extensions.Time.Testing;
using static AltoGateway.Dhcp.Tests.Relay.RelayFixtures;

namespace AltoGateway.Dhcp.Tests.Relay;

/// <summary>The relay's memory of requests: found by 'xid' and 'chaddr', bounded in size, forgotten after two minutes.</summary>
public class DhcpV4RelayRequestMemoryTests
{
    [Fact]
    public void A_reply_finds_the_prl_of_its_request_by_xid_and_chaddr_only()
    {
        var memory = new DhcpV4RelayRequestMemory(new FakeTimeProvider());
        memory.Remember(Read(DhcpV4Packets.Discover()));

        Assert.True(memory.TryRecall(Offer(), out var prl, out _));
        Assert.Equal(DhcpV4Packets.Hex("0103060fd5"), prl);
        Assert.False(memory.TryRecall(Offer() with { TransactionId = 7 }, out _, out _));
        Assert.False(memory.TryRecall(Offer() with { ClientHardwareAddressField = new byte[16] }, out _, out _));
    }

    [Fact]
    public void The_oldest_transactions_are_forgotten_beyond_the_capacity()
    {
        var memory = new DhcpV4RelayRequestMemory(new FakeTimeProvider(), capacity: 4);
        var discover = Read(DhcpV4Packets.Discover());
        for (uint xid = 0; xid < 10; xid++)
        {
            memory.Remember(discover with { TransactionId = xid });
            memory.Remember(discover with { TransactionId = xid }); // a retransmission takes no second place
        }

        Assert.Equal(4, memory.Count);
        Assert.False(memory.TryRecall(Offer() with { TransactionId = 5 }, out _, out _));
        Assert.True(memory.TryRecall(Offer() with { TransactionId = 6 }, out _, out _));
        Assert.True(memory.TryRecall(Offer() with { TransactionId = 9 }, out _, out _));
    }

    [Fact]
    public void Transactions_are_forgotten_after_their_maximum_age_unless_retransmitted()
    {
        var time = new FakeTimeProvider();
        var memory = new DhcpV4RelayRequestMemory(time);
        var discover = Read(DhcpV4Packets.Discover());
        memory.Remember(discover);
        memory.Remember(discover with { TransactionId = 1 });

        time.Advance(DhcpV4RelayRequestMemory.MaximumAge / 2);
        memory.Remember(discover with { TransactionId = 1 });
        time.Advance((DhcpV4RelayRequestMemory.MaximumAge / 2) + TimeSpan.FromSeconds(1));

        Assert.False(memory.TryRecall(Offer(), out var prl, out var limit));
        Assert.Empty(prl);
        Assert.Equal(548, limit);
        Assert.True(memory.TryRecall(Offer() with { TransactionId = 1 }, out _, out _));
        Assert.Equal(1, memory.Count);
    }
}
