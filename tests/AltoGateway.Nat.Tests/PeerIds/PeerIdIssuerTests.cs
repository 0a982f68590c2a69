using System.Net;
using AltoGateway.Nat.PeerIds;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

public class PeerIdIssuerTests
{
    [Theory]
    [InlineData("100.64.12.34")]
    [InlineData("10.0.0.1")]
    [InlineData("2001:db8:1:2::b4")]
    public void An_issued_ID_resolves_to_its_subscriber_until_the_end_of_its_epoch_plus_grace(string subscriber)
    {
        var time = Clock();
        var issuer = Issuer(time);

        var issued = issuer.Issue(IPAddress.Parse(subscriber));
        var resolved = issuer.Resolve(issued.Value);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), issued.ValidUntil);
        Assert.Equal(new PeerIdResolution(PeerIdResolutionKind.Subscriber, IPAddress.Parse(subscriber), issued.ValidUntil), resolved);
    }

    [Fact]
    public void IDs_are_27_URL_safe_characters_starting_with_the_version()
    {
        var id = Issuer(Clock()).Issue(IPAddress.Parse("2001:db8::1")).Value;

        Assert.Equal(27, id.Length);
        Assert.StartsWith("1", id, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]{27}$", id);
    }

    [Fact]
    public void The_same_subscriber_gets_the_same_ID_all_through_an_epoch()
    {
        var time = Clock();
        var issuer = Issuer(time);

        var first = issuer.Issue(IPAddress.Parse("100.64.0.7"));
        time.Advance(TimeSpan.FromHours(11));
        var second = issuer.Issue(IPAddress.Parse("100.64.0.7"));

        Assert.Equal(first, second);
        Assert.Equal(1, issuer.Count);
    }

    [Fact]
    public void An_IPv4_subscriber_and_its_IPv4_mapped_form_are_one_subscriber()
    {
        var issuer = Issuer(Clock());

        var mapped = issuer.Issue(IPAddress.Parse("::ffff:100.64.0.7"));

        Assert.Equal(issuer.Issue(IPAddress.Parse("100.64.0.7")), mapped);
        Assert.Equal(IPAddress.Parse("100.64.0.7"), issuer.Resolve(mapped.Value).Subscriber);
    }

    [Fact]
    public void Different_subscribers_get_different_IDs()
    {
        var issuer = Issuer(Clock());

        Assert.NotEqual(issuer.Issue(IPAddress.Parse("10.0.0.1")).Value, issuer.Issue(IPAddress.Parse("10.0.0.2")).Value);
        Assert.NotEqual(issuer.Issue(IPAddress.Parse("10.0.0.1")).Value, issuer.Issue(IPAddress.Parse("::a00:1")).Value);
    }

    [Fact]
    public void A_new_epoch_brings_a_new_ID_and_the_old_one_resolves_only_within_the_grace()
    {
        var time = Clock();
        var issuer = Issuer(time);
        var subscriber = IPAddress.Parse("100.64.0.7");
        var old = issuer.Issue(subscriber);

        time.Advance(TimeSpan.FromHours(12)); // midnight: the next epoch
        var fresh = issuer.Issue(subscriber);
        Assert.NotEqual(old.Value, fresh.Value);
        Assert.Equal(old.ValidUntil.AddDays(1), fresh.ValidUntil);
        Assert.Equal(PeerIdResolutionKind.Subscriber, issuer.Resolve(old.Value).Kind);

        time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromTicks(1));
        Assert.Equal(new PeerIdResolution(PeerIdResolutionKind.Subscriber, subscriber, old.ValidUntil), issuer.Resolve(old.Value));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(PeerIdResolutionKind.Expired, issuer.Resolve(old.Value).Kind);
        Assert.Equal(PeerIdResolutionKind.Subscriber, issuer.Resolve(fresh.Value).Kind);

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(PeerIdResolutionKind.Expired, issuer.Resolve(fresh.Value).Kind);
        Assert.Equal(PeerIdResolutionKind.Expired, issuer.Resolve(old.Value).Kind);
    }

    [Fact]
    public void Resolving_alone_rotates_the_epochs()
    {
        var time = Clock();
        var issuer = Issuer(time);
        var old = issuer.Issue(IPAddress.Parse("100.64.0.7"));

        time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(PeerIdResolutionKind.Expired, issuer.Resolve(old.Value).Kind);
        Assert.Equal(0, issuer.Count);
    }

    [Fact]
    public void A_forgotten_subscriber_is_unknown_until_it_is_issued_an_ID_again()
    {
        var time = Clock();
        var issuer = Issuer(time);
        var subscriber = IPAddress.Parse("2001:db8::7");
        var yesterday = issuer.Issue(subscriber);
        time.Advance(TimeSpan.FromHours(13));
        var today = issuer.Issue(subscriber);

        issuer.Forget(subscriber);

        Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(yesterday.Value).Kind);
        Assert.Equal(PeerIdResolutionKind.Unknown, issuer.Resolve(today.Value).Kind);
        Assert.Equal(0, issuer.Count);
        Assert.Equal(today, issuer.Issue(subscriber));
        Assert.Equal(PeerIdResolutionKind.Subscriber, issuer.Resolve(today.Value).Kind);
    }

    [Fact]
    public void A_well_formed_ID_never_issued_is_unknown()
    {
        var time = Clock();
        var issuer = Issuer(time);
        var other = Issuer(time, seed: 2).Issue(IPAddress.Parse("100.64.0.7"));

        Assert.Equal(PeerIdResolution.Of(PeerIdResolutionKind.Unknown), issuer.Resolve(other.Value));
    }

    [Fact]
    public void Settings_are_checked_and_bad_ones_are_a_caller_error()
    {
        Assert.Empty(Settings.Validate());
        Assert.Single(new PeerIdSettings { RotationPeriod = TimeSpan.FromSeconds(59), Grace = TimeSpan.Zero }.Validate());
        Assert.Single(new PeerIdSettings { RotationPeriod = TimeSpan.FromHours(1), Grace = TimeSpan.FromHours(2) }.Validate());
        Assert.Single(new PeerIdSettings { Grace = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentException>(() => new PeerIdIssuer(Key(), new PeerIdSettings { Grace = TimeSpan.FromDays(2) }, Clock()));
    }

    [Fact]
    public void A_clock_before_the_origin_counts_as_epoch_0()
    {
        var time = Clock();
        var settings = new PeerIdSettings { RotationPeriod = TimeSpan.FromHours(1), Grace = TimeSpan.Zero, Origin = Noon.AddDays(1) };
        var issuer = new PeerIdIssuer(Key(), settings, time);

        var issued = issuer.Issue(IPAddress.Parse("100.64.0.7"));

        Assert.Equal(Noon.AddDays(1).AddHours(1), issued.ValidUntil);
        Assert.Equal(PeerIdResolutionKind.Subscriber, issuer.Resolve(issued.Value).Kind);
    }

    [Fact]
    public async Task Many_readers_resolve_while_a_writer_issues()
    {
        var issuer = Issuer(Clock());
        var known = Enumerable.Range(1, 200).Select(i => issuer.Issue(IPAddress.Parse($"100.64.0.{i}"))).ToArray();
        var cancel = TestContext.Current.CancellationToken;

        var writer = Task.Run(
            () =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    issuer.Issue(new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]));
                }
            },
            cancel);
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(
            () =>
            {
                var wrong = 0;
                do
                {
                    foreach (var id in known)
                    {
                        wrong += issuer.Resolve(id.Value).Kind == PeerIdResolutionKind.Subscriber ? 0 : 1;
                    }
                }
                while (!writer.IsCompleted);

                return wrong;
            },
            cancel)).ToArray();

        var wrongAnswers = await Task.WhenAll(readers);
        Assert.All(wrongAnswers, wrong => Assert.Equal(0, wrong));
        await writer;
        Assert.Equal(20_200, issuer.Count);
    }
}
