using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Tests.PortBlocks;

public class DeterministicNatValidationTests
{
    private static DeterministicNatSettings Valid() => new()
    {
        InsidePrefix = IPNetwork.Parse("100.64.0.0/24"),
        OutsidePool = [IPNetwork.Parse("192.0.2.0/30")],
        CompressionRatio = 64,
        DynamicPoolFactor = 1,
    };

    private static DeterministicNatProblemKind[] Kinds(DeterministicNatSettings settings) =>
        [.. DeterministicNatPlan.Validate(settings).Select(p => p.Kind)];

    [Fact]
    public void A_valid_configuration_has_no_problem()
    {
        Assert.Empty(DeterministicNatPlan.Validate(Valid()));
    }

    [Fact]
    public void Too_few_outside_addresses_for_the_inside_range_is_a_problem()
    {
        // 254 subscribers need 254 blocks; 4 addresses × C = 60 give 240.
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/24"),
            OutsidePool = [IPNetwork.Parse("192.0.2.0/30")],
            CompressionRatio = 60,
        };

        var problem = Assert.Single(DeterministicNatPlan.Validate(settings));
        Assert.Equal(DeterministicNatProblemKind.TooManySubscribers, problem.Kind);
        Assert.Contains("254", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/24"),
            SubscriberPrefixLength = 24,
            OutsidePool = [IPNetwork.Parse("192.0.2.0/30"), IPNetwork.Parse("192.0.2.2/32"), IPNetwork.Parse("2001:db8::/64")],
            CompressionRatio = 0,
            DynamicPoolFactor = -1,
            ReservedPorts = new PortRange(1, 1023),
            Algorithm = PortAllocationAlgorithm.Staggered,
        };

        Assert.Equal(
            [
                DeterministicNatProblemKind.SubscriberPrefixLengthInvalid,
                DeterministicNatProblemKind.OutsidePoolNotIPv4,
                DeterministicNatProblemKind.OutsidePoolOverlaps,
                DeterministicNatProblemKind.CompressionRatioInvalid,
                DeterministicNatProblemKind.DynamicPoolFactorInvalid,
                DeterministicNatProblemKind.ReservedPortsInvalid,
                DeterministicNatProblemKind.AlgorithmNotSupported,
            ],
            Kinds(settings));
        Assert.False(DeterministicNatPlan.TryCreate(settings, out var plan, out var problems));
        Assert.Null(plan);
        Assert.Equal(7, problems.Count);
    }

    [Fact]
    public void No_port_per_subscriber_is_a_problem()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.1/32"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 40000,
            DynamicPoolFactor = 40000,
        };

        Assert.Equal([DeterministicNatProblemKind.NoPortsPerSubscriber], Kinds(settings));
    }

    [Theory]
    [InlineData(0, 65535)]
    [InlineData(10, 1023)]
    [InlineData(0, 0)]
    public void The_reserved_range_must_start_at_0_and_leave_ports(int first, int last)
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.1/32"),
            OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
            CompressionRatio = 1,
            ReservedPorts = new PortRange((ushort)first, (ushort)last),
        };

        if (first == 0 && last == 0)
        {
            Assert.Empty(Kinds(settings));
        }
        else
        {
            Assert.Equal([DeterministicNatProblemKind.ReservedPortsInvalid], Kinds(settings));
        }
    }

    [Fact]
    public void An_empty_outside_pool_is_a_problem()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/24"),
            OutsidePool = [],
            CompressionRatio = 300,
        };

        Assert.Equal([DeterministicNatProblemKind.OutsidePoolEmpty], Kinds(settings));
    }

    [Theory]
    [InlineData(PortAllocationAlgorithm.Staggered)]
    [InlineData(PortAllocationAlgorithm.InterlacedHorizontally)]
    [InlineData(PortAllocationAlgorithm.CryptographicallyRandom)]
    [InlineData(PortAllocationAlgorithm.VendorSpecific)]
    public void Algorithms_not_defined_well_enough_are_refused_with_the_reason(PortAllocationAlgorithm algorithm)
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = Valid().InsidePrefix,
            OutsidePool = Valid().OutsidePool,
            CompressionRatio = Valid().CompressionRatio,
            Algorithm = algorithm,
        };

        var problem = Assert.Single(DeterministicNatPlan.Validate(settings));
        Assert.Equal(DeterministicNatProblemKind.AlgorithmNotSupported, problem.Kind);
        Assert.Contains("not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_algorithm_number_outside_the_RFC_is_unknown()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = Valid().InsidePrefix,
            OutsidePool = Valid().OutsidePool,
            CompressionRatio = Valid().CompressionRatio,
            Algorithm = (PortAllocationAlgorithm)9,
        };

        Assert.Equal([DeterministicNatProblemKind.AlgorithmUnknown], Kinds(settings));
    }

    [Fact]
    public void An_IPv6_inside_range_too_large_to_number_is_a_problem()
    {
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("2001:db8::/32"),
            OutsidePool = [IPNetwork.Parse("192.0.2.0/24")],
            CompressionRatio = 60000,
        };

        Assert.Equal([DeterministicNatProblemKind.InsideRangeTooLarge], Kinds(settings));
    }

    [Fact]
    public void Round_robin_needs_at_least_one_port_per_outside_address()
    {
        // P = 64512 / 64 = 1008 ports per subscriber over 2048 addresses.
        var settings = new DeterministicNatSettings
        {
            InsidePrefix = IPNetwork.Parse("100.64.0.0/24"),
            OutsidePool = [IPNetwork.Parse("192.0.0.0/21")],
            CompressionRatio = 64,
            Algorithm = PortAllocationAlgorithm.RoundRobin,
        };

        Assert.Equal([DeterministicNatProblemKind.RoundRobinRangeEmpty], Kinds(settings));
    }
}
