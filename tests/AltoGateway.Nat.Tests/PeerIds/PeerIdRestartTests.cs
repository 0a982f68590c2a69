using System.Net;
using AltoGateway.Nat.PeerIds;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

/// <summary>The agent restarts with the key from its state directory; the host recomputes its present subscribers.</summary>
public class PeerIdRestartTests
{
    private static readonly IPAddress Alice = IPAddress.Parse("100.64.0.7");
    private static readonly IPAddress Bob = IPAddress.Parse("2001:db8::b4");
    private static readonly IPAddress Carol = IPAddress.Parse("100.64.0.9");

    private static PeerIdIssuer Restarted(PeerIdKey key, TimeProvider time)
    {
        Assert.True(PeerIdKey.TryParseKeyFile(key.ToKeyFileContent(), out var reread, out _));
        return new PeerIdIssuer(reread, Settings, time);
    }

    [Fact]
    public void IDs_issued_before_a_restart_resolve_after_it_for_the_recomputed_subscribers()
    {
        var time = Clock();
        var key = Key();
        var before = new PeerIdIssuer(key, Settings, time);
        var alice = before.Issue(Alice);
        var bob = before.Issue(Bob);
        var carol = before.Issue(Carol);

        time.Advance(TimeSpan.FromMinutes(5));
        var after = Restarted(key, time);
        Assert.Equal(PeerIdResolutionKind.Unknown, after.Resolve(alice.Value).Kind);

        after.Recompute([Alice, Bob]); // Carol left while the agent was down

        Assert.Equal(new PeerIdResolution(PeerIdResolutionKind.Subscriber, Alice, alice.ValidUntil), after.Resolve(alice.Value));
        Assert.Equal(new PeerIdResolution(PeerIdResolutionKind.Subscriber, Bob, bob.ValidUntil), after.Resolve(bob.Value));
        Assert.Equal(PeerIdResolutionKind.Unknown, after.Resolve(carol.Value).Kind);
        Assert.Equal(alice, after.Issue(Alice));
    }

    [Fact]
    public void A_restart_in_the_next_epoch_recomputes_the_previous_one_while_its_grace_lasts()
    {
        var time = Clock();
        var key = Key();
        var yesterday = new PeerIdIssuer(key, Settings, time).Issue(Alice);

        time.Advance(TimeSpan.FromHours(20)); // 08:00 the next day, 4 hours of grace left
        var after = Restarted(key, time);
        after.Recompute([Alice]);

        Assert.Equal(PeerIdResolutionKind.Subscriber, after.Resolve(yesterday.Value).Kind);
        Assert.Equal(PeerIdResolutionKind.Subscriber, after.Resolve(after.Issue(Alice).Value).Kind);
        Assert.Equal(2, after.Count);

        time.Advance(TimeSpan.FromHours(4));
        Assert.Equal(PeerIdResolutionKind.Expired, after.Resolve(yesterday.Value).Kind);
    }

    [Fact]
    public void A_restart_after_the_grace_recomputes_only_the_current_epoch()
    {
        var time = Clock();
        var key = Key();
        var yesterday = new PeerIdIssuer(key, Settings, time).Issue(Alice);

        time.Advance(TimeSpan.FromHours(25));
        var after = Restarted(key, time);
        after.Recompute([Alice]);

        Assert.Equal(PeerIdResolutionKind.Expired, after.Resolve(yesterday.Value).Kind);
        Assert.Equal(1, after.Count);
    }

    [Fact]
    public void A_restart_with_another_key_resolves_nothing_from_before()
    {
        var time = Clock();
        var before = Issuer(time, seed: 1).Issue(Alice);

        var after = Issuer(time, seed: 2);
        after.Recompute([Alice]);

        Assert.Equal(PeerIdResolutionKind.Unknown, after.Resolve(before.Value).Kind);
    }
}
