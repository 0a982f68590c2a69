using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Tests.PortBlocks;

public class DeterministicNatEdgeTests
{
    private static DeterministicNatPlan Plan(DeterministicNatSettings settings)
    {
        Assert.True(DeterministicNatPlan.TryCreate(settings, out var plan, out var problems), string.Join("; ", problems));
        return plan;
    }

    private static DeterministicNatPlan TwoRunPool() => Plan(new DeterministicNatSettings
    {
        // Given out of order on purpose: the pool is used in ascending order, 198.51.100.7 first.
        InsidePrefix = IPNetwork.Parse("100.64.0.0/22"),
        OutsidePool = [IPNetwork.Parse("203.0.113.0/30"), IPNetwork.Parse("198.51.100.7/32")],
        CompressionRatio = 256,
    });

    [Fact]
    public void Subscribers_fill_one_outside_address_after_the_other()
    {
        var plan = TwoRunPool();

        Assert.Equal(252, plan.PortsPerBlock);
        Assert.Equal(1022, plan.SubscriberCount);
        Assert.Equal(5, plan.OutsideAddressCount);
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.1"), out var first));
        Assert.Equal(new PortBlock(IPAddress.Parse("198.51.100.7"), 1024, 1275, 0, false), first);
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.1.1"), out var secondAddress));
        Assert.Equal(new PortBlock(IPAddress.Parse("203.0.113.0"), 1024, 1275, 256, false), secondAddress);
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.3.254"), out var last));
        Assert.Equal(new PortBlock(IPAddress.Parse("203.0.113.2"), 64780, 65031, 1021, false), last);
        Assert.Equal(IPAddress.Parse("100.64.3.254"), plan.MapOutside(IPAddress.Parse("203.0.113.2"), 65031).Subscriber);
    }

    [Fact]
    public void Blocks_nobody_holds_are_unassigned_and_there_is_no_dynamic_pool_when_D_is_0_and_nothing_remains()
    {
        var plan = TwoRunPool();

        Assert.Null(plan.DynamicPorts);
        Assert.Equal(OutsidePortOwnerKind.UnassignedBlock, plan.MapOutside(IPAddress.Parse("203.0.113.2"), 65535).Kind);
        Assert.Equal(OutsidePortOwnerKind.UnassignedBlock, plan.MapOutside(IPAddress.Parse("203.0.113.3"), 1024).Kind);
        Assert.Equal(OutsidePortOwnerKind.UnassignedBlock, plan.MapOutside(IPAddress.Parse("203.0.113.3"), 65535).Kind);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("203.0.113.4"), 2000).Kind);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("198.51.100.6"), 2000).Kind);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("198.51.100.8"), 2000).Kind);
    }

    [Fact]
    public void Port_65535_can_be_the_last_port_of_a_block()
    {
        var plan = Plan(new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.9/32"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 1,
        });

        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.9"), out var block));
        Assert.Equal(new PortRange(1024, 65535), block.Ports);
        Assert.Equal(64512, block.PortCount);
        Assert.Equal(IPAddress.Parse("100.64.0.9"), plan.MapOutside(IPAddress.Parse("192.0.2.1"), 65535).Subscriber);
        Assert.Null(plan.DynamicPorts);
    }

    [Fact]
    public void The_remainder_of_the_division_joins_the_dynamic_pool()
    {
        // (65536 - 1024) / (5 + 0) = 12902, rest 2: ports 65534 and 65535 are dynamic.
        var plan = Plan(new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/29"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32"), IPNetwork.Parse("192.0.2.2/32")],
            CompressionRatio = 5,
        });

        Assert.Equal(12902, plan.PortsPerBlock);
        Assert.Equal(new PortRange(65534, 65535), plan.DynamicPorts);
        Assert.Equal(OutsidePortOwnerKind.DynamicPool, plan.MapOutside(IPAddress.Parse("192.0.2.2"), 65535).Kind);
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.6"), out var last));
        Assert.Equal(new PortBlock(IPAddress.Parse("192.0.2.2"), 1024, 13925, 5, false), last);
    }

    [Fact]
    public void An_IPv4_slash_31_has_two_subscribers()
    {
        var plan = Plan(new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/31"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 2,
        });

        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.0"), out var first));
        Assert.True(plan.TryMapInside(IPAddress.Parse("100.64.0.1"), out var second));
        Assert.Equal(0, first.SubscriberIndex);
        Assert.Equal(1, second.SubscriberIndex);
    }

    [Fact]
    public void DS_Lite_subscribers_are_IPv6_prefixes()
    {
        var plan = Plan(new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("2001:db8:100::/40"),
            SubscriberPrefixLength = 56,
            OutsidePool = [IPNetwork.Parse("192.0.2.0/24")],
            CompressionRatio = 256,
        });

        Assert.Equal(65536, plan.SubscriberCount);
        Assert.True(plan.TryMapInside(IPAddress.Parse("2001:db8:100:abcd::1"), out var block));
        Assert.Equal(new PortBlock(IPAddress.Parse("192.0.2.0"), 44116, 44367, 171, false), block);
        Assert.True(plan.TryMapInside(IPAddress.Parse("2001:db8:100:ab00::"), out var same));
        Assert.Equal(block, same);

        var owner = plan.MapOutside(IPAddress.Parse("192.0.2.0"), 44200);
        Assert.Equal(OutsidePortOwnerKind.Subscriber, owner.Kind);
        Assert.Equal(IPAddress.Parse("2001:db8:100:ab00::"), owner.Subscriber);
        Assert.Equal(56, owner.SubscriberPrefixLength);

        Assert.True(plan.TryMapInside(IPAddress.Parse("2001:db8:1ff:ff00::"), out var last));
        Assert.Equal(new PortBlock(IPAddress.Parse("192.0.2.255"), 65284, 65535, 65535, false), last);
        Assert.Equal(IPAddress.Parse("2001:db8:1ff:ff00::"), plan.MapOutside(IPAddress.Parse("192.0.2.255"), 65535).Subscriber);
    }

    [Fact]
    public void DS_Lite_B4_addresses_are_subscribers_by_default_and_IPv4_is_refused()
    {
        var plan = Plan(new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("2001:db8::/120"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 256,
        });

        Assert.True(plan.TryMapInside(IPAddress.Parse("2001:db8::"), out var first));
        Assert.Equal(0, first.SubscriberIndex);
        Assert.True(plan.TryMapInside(IPAddress.Parse("2001:db8::ff"), out var last));
        Assert.Equal(255, last.SubscriberIndex);
        Assert.Equal(IPAddress.Parse("2001:db8::ff"), plan.MapOutside(IPAddress.Parse("192.0.2.1"), 65535).Subscriber);
        Assert.Equal(128, plan.MapOutside(IPAddress.Parse("192.0.2.1"), 65535).SubscriberPrefixLength);
        Assert.False(plan.TryMapInside(IPAddress.Parse("2001:db8::100"), out _, out var outside));
        Assert.Equal(InsideMappingError.NotInInsidePrefix, outside);
        Assert.False(plan.TryMapInside(IPAddress.Parse("100.64.0.1"), out _, out var family));
        Assert.Equal(InsideMappingError.WrongAddressFamily, family);
    }
}
