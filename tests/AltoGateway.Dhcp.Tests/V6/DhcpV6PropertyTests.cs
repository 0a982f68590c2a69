using AltoGateway.Dhcp.V6;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Dhcp.Tests.V6;

/// <summary>Seeded property tests: random and mutated DHCPv6 messages never throw; what reads writes back octet for octet.</summary>
public class DhcpV6PropertyTests
{
    private static readonly byte[][] Valid = [DhcpV6Vectors.InformationRequest, DhcpV6Vectors.Reply, DhcpV6Vectors.RelayForward()];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_never_throw(int seed)
    {
        foreach (var wire in SeededBytes.Random(seed, 3000, 300, (wire, random) =>
        {
            if (wire.Length > 0 && random.Next(2) == 0)
            {
                wire[0] = (byte)random.Next(1, 14);
            }
        }))
        {
            AssertReadsOrFails(wire);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_and_cut_valid_messages_never_throw(int seed)
    {
        var random = new Random(seed);
        foreach (var valid in Valid)
        {
            for (var i = 0; i < 2000; i++)
            {
                var wire = (byte[])valid.Clone();
                wire[random.Next(wire.Length)] = (byte)random.Next(256);
                AssertReadsOrFails(wire);
                AssertReadsOrFails(wire[..random.Next(wire.Length + 1)]);
            }
        }
    }

    private static void AssertReadsOrFails(byte[] wire)
    {
        var ok = DhcpV6Reader.TryRead(wire, out var message, out var failure);
        Assert.Equal(ok, message is not null);
        Assert.Equal(ok, failure.Error == DhcpV6ReadError.None);
        if (ok)
        {
            Assert.Equal(wire, DhcpV6Writer.Write(message!));
        }
        else
        {
            Assert.InRange(failure.Offset, 0, wire.Length);
        }
    }
}
