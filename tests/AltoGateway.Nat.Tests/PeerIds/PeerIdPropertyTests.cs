using System.Net;
using AltoGateway.Nat.PeerIds;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

public class PeerIdPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_subscribers_round_trip_and_never_share_an_ID(int seed)
    {
        var random = new Random(seed);
        var time = Clock();
        time.Advance(TimeSpan.FromMinutes(random.Next(0, 24 * 60)));
        var issuer = Issuer(time, seed);
        var seen = new Dictionary<string, IPAddress>();
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(2) == 0 ? 4 : 16];
            random.NextBytes(bytes);
            var subscriber = new IPAddress(bytes);

            var issued = issuer.Issue(subscriber);
            var resolved = issuer.Resolve(issued.Value);

            Assert.Matches("^1[A-Za-z0-9_-]{26}$", issued.Value);
            Assert.Equal(new PeerIdResolution(PeerIdResolutionKind.Subscriber, subscriber, issued.ValidUntil), resolved);
            if (seen.TryGetValue(issued.Value, out var earlier))
            {
                Assert.Equal(earlier, subscriber);
            }

            seen[issued.Value] = subscriber;
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_text_never_throws_and_never_resolves(int seed)
    {
        var random = new Random(seed);
        var issuer = Issuer(Clock());
        issuer.Issue(IPAddress.Parse("100.64.0.7"));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. \u00e9";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(2) == 0 ? 27 : random.Next(0, 40);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            Assert.NotEqual(PeerIdResolutionKind.Subscriber, issuer.Resolve(text).Kind);
        }
    }
}
