using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Tests.PortBlocks;

/// <summary>The RFC 7422 §2.3 example, both ways, as alto-spec.md §9 quotes it.</summary>
public class Rfc7422ExampleTests
{
    private static readonly IPAddress Outside = IPAddress.Parse("192.0.2.1");

    internal static DeterministicNatPlan Example()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("198.51.100.0/28"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 14,
            DynamicPoolFactor = 2,
            ReservedPorts = new PortRange(0, 1023),
            Algorithm = PortAllocationAlgorithm.Sequential,
        };
        Assert.True(DeterministicNatPlan.TryCreate(settings, out var plan, out var problems), string.Join("; ", problems));
        return plan;
    }

    [Fact]
    public void Every_subscriber_gets_4032_ports()
    {
        var plan = Example();

        Assert.Equal(4032, plan.PortsPerBlock);
        Assert.Equal(4032, plan.PortsPerSubscriber);
        Assert.Equal(14, plan.SubscriberCount);
    }

    [Theory]
    [InlineData("198.51.100.1", 1024, 5055)]
    [InlineData("198.51.100.2", 5056, 9087)]
    [InlineData("198.51.100.3", 9088, 13119)]
    [InlineData("198.51.100.14", 53440, 57471)]
    public void The_table_forward(string inside, int first, int last)
    {
        Assert.True(Example().TryMapInside(IPAddress.Parse(inside), out var block));

        Assert.Equal(Outside, block.ExternalAddress);
        Assert.Equal(new PortRange((ushort)first, (ushort)last), block.Ports);
        Assert.False(block.OnEveryPoolAddress);
    }

    [Theory]
    [InlineData(1024, "198.51.100.1")]
    [InlineData(2001, "198.51.100.1")]
    [InlineData(5055, "198.51.100.1")]
    [InlineData(5056, "198.51.100.2")]
    [InlineData(9087, "198.51.100.2")]
    [InlineData(53440, "198.51.100.14")]
    [InlineData(57471, "198.51.100.14")]
    public void The_table_backward(int port, string inside)
    {
        var owner = Example().MapOutside(Outside, (ushort)port);

        Assert.Equal(OutsidePortOwnerKind.Subscriber, owner.Kind);
        Assert.Equal(IPAddress.Parse(inside), owner.Subscriber);
        Assert.Equal(32, owner.SubscriberPrefixLength);
    }

    [Theory]
    [InlineData(57472)]
    [InlineData(58204)]
    [InlineData(65535)]
    public void The_dynamic_pool_is_57472_to_65535(int port)
    {
        var plan = Example();

        Assert.Equal(new PortRange(57472, 65535), plan.DynamicPorts);
        Assert.Equal(OutsidePortOwnerKind.DynamicPool, plan.MapOutside(Outside, (ushort)port).Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(80)]
    [InlineData(1023)]
    public void Reserved_ports_belong_to_nobody(int port)
    {
        Assert.Equal(OutsidePortOwnerKind.Reserved, Example().MapOutside(Outside, (ushort)port).Kind);
    }

    [Theory]
    [InlineData("198.51.100.0")]
    [InlineData("198.51.100.15")]
    public void The_network_and_broadcast_addresses_are_no_subscribers(string inside)
    {
        // RFC 7422 §2.3 numbers from .1: the /28's 16 addresses less .0 and .15 are its C = 14 subscribers.
        Assert.False(Example().TryMapInside(IPAddress.Parse(inside), out _, out var error));
        Assert.Equal(InsideMappingError.NotASubscriberAddress, error);
    }

    [Fact]
    public void Addresses_outside_the_prefix_or_pool_are_refused()
    {
        var plan = Example();

        Assert.False(plan.TryMapInside(IPAddress.Parse("198.51.100.16"), out _, out var error));
        Assert.Equal(InsideMappingError.NotInInsidePrefix, error);
        Assert.False(plan.TryMapInside(IPAddress.Parse("2001:db8::1"), out _, out error));
        Assert.Equal(InsideMappingError.WrongAddressFamily, error);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("192.0.2.2"), 2001).Kind);
        Assert.Equal(OutsidePortOwnerKind.NotInPool, plan.MapOutside(IPAddress.Parse("2001:db8::1"), 2001).Kind);
    }

    [Fact]
    public void IPv4_mapped_IPv6_addresses_are_their_IPv4_addresses()
    {
        var plan = Example();

        Assert.True(plan.TryMapInside(IPAddress.Parse("::ffff:198.51.100.2"), out var block));
        Assert.Equal(5056, block.FirstPort);
        Assert.Equal(IPAddress.Parse("198.51.100.1"), plan.MapOutside(IPAddress.Parse("::ffff:192.0.2.1"), 2001).Subscriber);
    }
}
