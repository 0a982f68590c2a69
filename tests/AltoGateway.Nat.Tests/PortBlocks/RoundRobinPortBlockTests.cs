using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Tests.PortBlocks;

/// <summary>RFC 7422 §2 algorithm 2: the same port range on every outside address.</summary>
public class RoundRobinPortBlockTests
{
    // 10 outside addresses and 1000 ports per subscriber, the RFC's own illustration:
    // (65536 - 1536) / (7 + 57) = 1000, so 100 ports on each of the 10 addresses.
    private static DeterministicNatPlan Plan()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/26"),
            OutsidePool = [IPNetwork.Parse("192.0.2.8/31"), IPNetwork.Parse("192.0.2.0/29")],
            CompressionRatio = 7,
            DynamicPoolFactor = 57,
            ReservedPorts = new PortRange(0, 1535),
            Algorithm = PortAllocationAlgorithm.RoundRobin,
        };
        Assert.True(DeterministicNatPlan.TryCreate(settings, out var plan, out var problems), string.Join("; ", problems));
        return plan;
    }

    [Fact]
    public void A_subscriber_gets_one_hundred_ports_on_each_of_ten_addresses()
    {
        var plan = Plan();

        Assert.Equal(100, plan.PortsPerBlock);
        Assert.Equal(1000, plan.PortsPerSubscriber);
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.6"), out var block));
        Assert.Equal(new PortBlock(IPAddress.Parse("192.0.2.0"), 2036, 2135, 5, true), block);
    }

    [Theory]
    [InlineData("192.0.2.0")]
    [InlineData("192.0.2.7")]
    [InlineData("192.0.2.9")]
    public void Any_pool_address_leads_back_to_the_subscriber(string external)
    {
        var owner = Plan().MapOutside(IPAddress.Parse(external), 2036);

        Assert.Equal(OutsidePortOwnerKind.Subscriber, owner.Kind);
        Assert.Equal(IPAddress.Parse("100.64.0.6"), owner.Subscriber);
    }

    [Fact]
    public void Unheld_ranges_then_the_dynamic_pool_follow_the_subscribers()
    {
        var plan = Plan();

        // 62 subscribers use ranges 0..61; C × |O| = 70 ranges end at 1536 + 7000 = 8536.
        Assert.Equal(OutsidePortOwnerKind.Subscriber, plan.MapOutside(IPAddress.Parse("192.0.2.3"), 7735).Kind);
        Assert.Equal(OutsidePortOwnerKind.UnassignedBlock, plan.MapOutside(IPAddress.Parse("192.0.2.3"), 7736).Kind);
        Assert.Equal(OutsidePortOwnerKind.UnassignedBlock, plan.MapOutside(IPAddress.Parse("192.0.2.3"), 8535).Kind);
        Assert.Equal(new PortRange(8536, 65535), plan.DynamicPorts);
        Assert.Equal(OutsidePortOwnerKind.DynamicPool, plan.MapOutside(IPAddress.Parse("192.0.2.3"), 8536).Kind);
        Assert.Equal(OutsidePortOwnerKind.Reserved, plan.MapOutside(IPAddress.Parse("192.0.2.3"), 1535).Kind);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("192.0.2.10"), 2036).Kind);
    }
}
