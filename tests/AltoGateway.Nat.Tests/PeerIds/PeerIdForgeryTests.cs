using System.Net;
using AltoGateway.Nat.PeerIds;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

/// <summary>A tracker can neither make up a peer ID nor turn one into another.</summary>
public class PeerIdForgeryTests
{
    private static readonly IPAddress Alice = IPAddress.Parse("100.64.0.7");
    private static readonly IPAddress Bob = IPAddress.Parse("100.64.0.8");

    [Fact]
    public void Every_single_bit_flip_of_a_valid_ID_fails()
    {
        var time = Clock();
        var issuer = Issuer(time);
        issuer.Issue(Alice);
        time.Advance(TimeSpan.FromHours(13)); // the previous epoch's table holds an ID too
        var id = issuer.Issue(Alice).Value;
        for (var b = 0; b < 100; b++)
        {
            issuer.Issue(new IPAddress([100, 64, 1, (byte)b]));
        }

        var payload = Payload(id);
        Assert.Equal(19, payload.Length);
        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var flipped = (byte[])payload.Clone();
            flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));

            var kind = issuer.Resolve(Spell(flipped)).Kind;

            Assert.True(kind is PeerIdResolutionKind.Unknown or PeerIdResolutionKind.Expired, $"bit {bit}: {kind}");
        }
    }

    [Fact]
    public void IDs_made_with_another_key_are_unknown()
    {
        var time = Clock();
        var issuer = Issuer(time, seed: 1);
        issuer.Issue(Alice);

        for (var seed = 2; seed < 12; seed++)
        {
            var forged = Issuer(time, seed).Issue(Alice).Value;
            Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(forged).Kind);
        }
    }

    [Fact]
    public void Another_subscribers_ID_moved_to_another_epoch_names_nobody()
    {
        var time = Clock();
        var issuer = Issuer(time);
        var bobYesterday = Payload(issuer.Issue(Bob).Value);
        time.Advance(TimeSpan.FromHours(13));
        var bobToday = Payload(issuer.Issue(Bob).Value);
        issuer.Issue(Alice);

        // Yesterday's tag under today's epoch and the other way round.
        var swappedForward = (byte[])bobToday.Clone();
        bobYesterday.AsSpan(4).CopyTo(swappedForward.AsSpan(4));
        var swappedBack = (byte[])bobYesterday.Clone();
        bobToday.AsSpan(4).CopyTo(swappedBack.AsSpan(4));

        Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(Spell(swappedForward)).Kind);
        Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(Spell(swappedBack)).Kind);

        // Bob's tag two epochs on, or in a future epoch.
        var future = (byte[])bobToday.Clone();
        future[3]++;
        Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(Spell(future)).Kind);
        var older = (byte[])bobYesterday.Clone();
        older[3]--;
        Assert.Equal(PeerIdResolutionKind.Expired, issuer.Resolve(Spell(older)).Kind);
    }

    [Fact]
    public void Truncated_padded_and_otherwise_misspelt_IDs_are_malformed()
    {
        var issuer = Issuer(Clock());
        var id = issuer.Issue(Alice).Value;
        var lastValue = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(id[^1], StringComparison.Ordinal);
        var nonCanonical = id[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[lastValue | 1];

        string?[] misspelt =
        [
            null,
            string.Empty,
            "1",
            id[..^1],
            id[..20],
            id + "=",
            id + "A",
            " " + id,
            id + "\n",
            "2" + id[1..],
            "A" + id[1..],
            id[..5] + "+" + id[6..],
            id[..5] + "/" + id[6..],
            id[..5] + "." + id[6..],
            id[..5] + "é" + id[6..],
            nonCanonical,
            new string('A', 27),
            new string('1', 100_000),
        ];

        foreach (var text in misspelt)
        {
            Assert.Equal(PeerIdResolution.Of(PeerIdResolutionKind.Malformed), issuer.Resolve(text));
        }

        Assert.NotEqual(id, nonCanonical);
        Assert.Equal(PeerIdResolutionKind.Subscriber, issuer.Resolve(id).Kind);
    }

    [Fact]
    public void Random_well_formed_IDs_resolve_to_nobody()
    {
        var issuer = Issuer(Clock());
        var current = Payload(issuer.Issue(Alice).Value);
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var guess = (byte[])current.Clone();
            random.NextBytes(guess.AsSpan(4));

            Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(Spell(guess)).Kind);
        }
    }
}
