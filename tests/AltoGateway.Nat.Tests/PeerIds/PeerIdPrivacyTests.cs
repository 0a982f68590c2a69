using System.Net;
using System.Numerics;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

/// <summary>An ID shows its version and epoch, and nothing of the address: neighbours' tags look unrelated.</summary>
public class PeerIdPrivacyTests
{
    [Fact]
    public void The_IDs_of_10_0_0_1_and_10_0_0_2_share_only_version_and_epoch()
    {
        var issuer = Issuer(Clock());
        var one = Payload(issuer.Issue(IPAddress.Parse("10.0.0.1")).Value);
        var two = Payload(issuer.Issue(IPAddress.Parse("10.0.0.2")).Value);

        Assert.Equal(one.AsSpan(0, 4).ToArray(), two.AsSpan(0, 4).ToArray());
        Assert.InRange(HammingDistance(one.AsSpan(4), two.AsSpan(4)), 30, 90);
    }

    [Fact]
    public void Tags_of_consecutive_addresses_differ_in_about_half_their_bits_and_every_bit_is_balanced()
    {
        var issuer = Issuer(Clock());
        const int count = 2000;
        var tags = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            tags[i] = Payload(issuer.Issue(new IPAddress([10, 0, (byte)(i >> 8), (byte)i])).Value)[4..];
        }

        // 120 fair coin flips per pair: mean 60, standard deviation 5.5.
        var distances = Enumerable.Range(1, count - 1).Select(i => HammingDistance(tags[i - 1], tags[i])).ToArray();
        Assert.InRange(distances.Average(), 59.0, 61.0);
        Assert.InRange(distances.Min(), 25, 60);
        Assert.InRange(distances.Max(), 60, 95);

        // Each of the 120 bit positions is set in about half the tags (sd 22 over 2000).
        for (var bit = 0; bit < 120; bit++)
        {
            var ones = tags.Count(t => (t[bit / 8] & (0x80 >> (bit % 8))) != 0);
            Assert.InRange(ones, 850, 1150);
        }
    }

    private static int HammingDistance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            distance += BitOperations.PopCount((uint)(a[i] ^ b[i]));
        }

        return distance;
    }
}
