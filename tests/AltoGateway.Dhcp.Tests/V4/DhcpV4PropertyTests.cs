using AltoGateway.Dhcp.V4;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>
/// Seeded property tests: random and mutated messages never throw; the reader gives a message or a failure, and a
/// message it gives writes back and reads again to the same options.
/// </summary>
public class DhcpV4PropertyTests
{
    private static readonly byte[][] Valid =
    [
        DhcpV4Packets.Discover(),
        DhcpV4Packets.Offer(),
        DhcpV4Packets.Ack(),
        DhcpV4Packets.Build(1, "3501 01 3401 03 5203 0101 61 ff", file: "c802 aabb ff", sname: "c801 cc ff"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_never_throw(int seed)
    {
        foreach (var packet in SeededBytes.Random(seed, 3000, 700, (packet, random) =>
        {
            if (packet.Length >= 240 && random.Next(4) != 0)
            {
                DhcpV4Packets.Hex("63825363").CopyTo(packet, 236); // past the cookie, into the options
                packet[2] = (byte)random.Next(17);
            }
        }))
        {
            AssertReadsOrFails(packet);
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
                var packet = (byte[])valid.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    // Mostly in the options and the overloaded fields, where the lengths are.
                    var at = random.Next(3) == 0 ? random.Next(packet.Length) : random.Next(44, packet.Length);
                    packet[at] = (byte)random.Next(256);
                }

                AssertReadsOrFails(packet[..random.Next(packet.Length + 1)]);
                AssertReadsOrFails(packet);
            }
        }
    }

    private static void AssertReadsOrFails(byte[] packet)
    {
        var ok = DhcpV4Reader.TryRead(packet, out var message, out var failure);
        Assert.Equal(ok, message is not null);
        Assert.Equal(ok, failure.Error == DhcpV4ReadError.None);
        if (!ok)
        {
            Assert.InRange(failure.Offset, 0, packet.Length);
            return;
        }

        // Up to 64 KiB: whatever fitted in a UDP datagram fits the writer with overload to spare.
        var wire = DhcpV4Writer.Write(message!, 65535);
        Assert.True(DhcpV4Reader.TryRead(wire, out var again, out var secondFailure), secondFailure.ToString());
        Assert.Equal(message!.Options.Select(o => (o.Code, Convert.ToHexString(o.Data.Span))), again.Options.Select(o => (o.Code, Convert.ToHexString(o.Data.Span))));
    }
}
