using System.Buffers.Binary;
using System.Net;
using AltoGateway.Nat.PortBlocks;

namespace AltoGateway.Nat.Tests.PortBlocks;

/// <summary>Seeded random plans: both directions agree, and no two blocks share a port.</summary>
public class DeterministicNatPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Outside_of_inside_is_the_subscriber_for_every_port_of_its_block(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var plan = RandomPlan(random, out var settings);
            var pool = PoolAddresses(settings);
            for (var i = 0; i < 20; i++)
            {
                var inside = RandomInsideAddress(random, settings);
                if (!plan.TryMapInside(inside, out var block, out var error))
                {
                    Assert.Equal(InsideMappingError.NotASubscriberAddress, error);
                    continue;
                }

                var expected = plan.MapOutside(block.ExternalAddress, block.FirstPort);
                Assert.Equal(OutsidePortOwnerKind.Subscriber, expected.Kind);
                Assert.True(new IPNetwork(expected.Subscriber!, expected.SubscriberPrefixLength).Contains(inside));
                Assert.Equal(block.SubscriberIndex, expected.SubscriberIndex);

                foreach (var port in new[] { block.FirstPort, block.LastPort, (ushort)random.Next(block.FirstPort, block.LastPort + 1) })
                {
                    var external = block.OnEveryPoolAddress ? pool[random.Next(pool.Count)] : block.ExternalAddress;
                    Assert.Equal(expected, plan.MapOutside(external, port));
                }
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void The_numeric_outside_lookup_agrees_with_the_address_one_on_every_kind_of_port(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var plan = RandomPlan(random, out var settings);
            var pool = PoolAddresses(settings);
            for (var i = 0; i < 50; i++)
            {
                // Pool addresses and their neighbours (just outside the pool), any port.
                var address = pool[random.Next(pool.Count)];
                var value = BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) + (uint)random.Next(-1, 2);
                var external = new IPAddress(BinaryPrimitives.ReverseEndianness(value));
                var port = (ushort)random.Next(0, 65536);

                var expected = plan.MapOutside(external, port);
                var kind = plan.MapOutside(value, port, out var subscriber, out var ipv4);

                Assert.Equal(expected.Kind, kind);
                if (kind == OutsidePortOwnerKind.Subscriber)
                {
                    var bytes = expected.Subscriber!.GetAddressBytes();
                    var bits = bytes.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
                    Assert.Equal(bits, subscriber);
                    Assert.Equal(bytes.Length == 4, ipv4);
                }
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Blocks_never_overlap_and_stay_between_the_reserved_ports_and_the_dynamic_pool(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var plan = RandomPlan(random, out var settings, maxIndexBits: 12);
            var pool = PoolAddresses(settings);
            var blocksByAddress = new Dictionary<IPAddress, List<PortBlock>>();
            for (long index = 0; index < plan.SubscriberCount; index++)
            {
                Assert.True(plan.TryMapInside(SubscriberAt(plan, pool, index), out var block));
                Assert.Equal(index, block.SubscriberIndex);
                Assert.True(block.FirstPort > settings.ReservedPorts.Last);
                Assert.True(plan.DynamicPorts is null || block.LastPort < plan.DynamicPorts.Value.First);
                Assert.Equal(plan.PortsPerBlock, block.PortCount);

                // A round-robin block is the same range on every address: checking one address checks all.
                if (!blocksByAddress.TryGetValue(block.ExternalAddress, out var blocks))
                {
                    blocksByAddress[block.ExternalAddress] = blocks = [];
                }

                blocks.Add(block);
            }

            foreach (var blocks in blocksByAddress.Values)
            {
                blocks.Sort((a, b) => a.FirstPort.CompareTo(b.FirstPort));
                for (var i = 1; i < blocks.Count; i++)
                {
                    Assert.True(blocks[i - 1].LastPort < blocks[i].FirstPort, $"{blocks[i - 1]} overlaps {blocks[i]}");
                }
            }
        }
    }

    private static IPAddress SubscriberAt(DeterministicNatPlan plan, List<IPAddress> pool, long index)
    {
        // Walk the outside side to find subscriber #index, then check the inside side agrees.
        var slot = plan.Algorithm == PortAllocationAlgorithm.RoundRobin ? index : index % plan.CompressionRatio;
        var external = plan.Algorithm == PortAllocationAlgorithm.RoundRobin ? pool[0] : pool[(int)(index / plan.CompressionRatio)];
        var port = (ushort)(plan.ReservedPorts.Last + 1 + (slot * plan.PortsPerBlock));
        var owner = plan.MapOutside(external, port);
        Assert.Equal(OutsidePortOwnerKind.Subscriber, owner.Kind);
        Assert.Equal(index, owner.SubscriberIndex);
        return owner.Subscriber!;
    }

    private static DeterministicNatPlan RandomPlan(Random random, out DeterministicNatSettings settings, int maxIndexBits = 20)
    {
        while (true)
        {
            var ipv6 = random.Next(3) == 0;
            var indexBits = random.Next(0, maxIndexBits + 1);
            IPNetwork inside;
            int? subscriberLength = null;
            if (ipv6)
            {
                var subscriber = random.Next(indexBits + 16, 129);
                subscriberLength = subscriber;
                inside = new IPNetwork(Mask(RandomIPv6(random), subscriber - indexBits), subscriber - indexBits);
            }
            else
            {
                inside = new IPNetwork(Mask(RandomIPv4(random), 32 - indexBits), 32 - indexBits);
            }

            var outside = RandomPool(random);
            settings = new DeterministicNatSettings
            {
                InsidePrefix = inside,
                SubscriberPrefixLength = subscriberLength,
                OutsidePool = outside,
                CompressionRatio = (int)Math.Min(65535, ((1L << indexBits) / PoolSize(outside)) + random.Next(1, 50)),
                DynamicPoolFactor = random.Next(0, 5),
                ReservedPorts = new PortRange(0, (ushort)random.Next(0, 4096)),
                Algorithm = random.Next(2) == 0 ? PortAllocationAlgorithm.Sequential : PortAllocationAlgorithm.RoundRobin,
            };
            if (DeterministicNatPlan.TryCreate(settings, out var plan, out _))
            {
                return plan;
            }
        }
    }

    private static List<IPNetwork> RandomPool(Random random)
    {
        var pool = new List<IPNetwork>();
        var next = (long)random.Next(1, 1 << 20) << 8;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var length = random.Next(26, 33);
            var size = 1L << (32 - length);
            var start = ((next + size - 1) / size * size) + (random.Next(0, 4) * size);
            pool.Add(new IPNetwork(ToIPv4((uint)start), length));
            next = start + size + (random.Next(0, 2) * 256L);
        }

        // The configuration's order does not matter: the plan sorts the pool.
        return [.. pool.OrderBy(_ => random.Next())];
    }

    private static long PoolSize(List<IPNetwork> pool) => pool.Sum(p => 1L << (32 - p.PrefixLength));

    private static List<IPAddress> PoolAddresses(DeterministicNatSettings settings)
    {
        var addresses = new List<IPAddress>();
        foreach (var prefix in settings.OutsidePool.OrderBy(p => ToUInt32(p.BaseAddress)))
        {
            var start = ToUInt32(prefix.BaseAddress);
            for (long i = 0; i < 1L << (32 - prefix.PrefixLength); i++)
            {
                addresses.Add(ToIPv4((uint)(start + i)));
            }
        }

        return addresses;
    }

    private static IPAddress RandomInsideAddress(Random random, DeterministicNatSettings settings)
    {
        var prefix = settings.InsidePrefix;
        var bytes = prefix.BaseAddress.GetAddressBytes();
        var random128 = new byte[bytes.Length];
        random.NextBytes(random128);
        for (var bit = prefix.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            bytes[bit / 8] = (byte)((bytes[bit / 8] & ~mask) | (random128[bit / 8] & mask));
        }

        return new IPAddress(bytes);
    }

    private static IPAddress RandomIPv4(Random random) => ToIPv4((uint)random.NextInt64(0, 1L << 32));

    private static IPAddress RandomIPv6(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new IPAddress(bytes);
    }

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    private static uint ToUInt32(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static IPAddress ToIPv4(uint value) => new(BinaryPrimitives.ReverseEndianness(value));
}
