using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Host.Tests.Http;

/// <summary>The token bucket and the per-client table, on a fake clock.</summary>
public class WanTokenBucketTests
{
    private readonly FakeTimeProvider _time;
    private readonly SecondsClock _clock;

    public WanTokenBucketTests()
    {
        _time = new FakeTimeProvider();
        _clock = new SecondsClock(_time);
    }

    [Fact]
    public void A_new_bucket_serves_a_burst_then_refuses_with_the_wait_for_the_next_token()
    {
        var bucket = new TokenBucket(2, 3, Now());

        Assert.True(bucket.TryTake(Now(), out _));
        Assert.True(bucket.TryTake(Now(), out _));
        Assert.True(bucket.TryTake(Now(), out _));
        Assert.False(bucket.TryTake(Now(), out var wait));
        Assert.Equal(0.5, wait, 9);
        Assert.Equal(1, TokenBucket.RetryAfterSeconds(wait));
    }

    [Fact]
    public void Tokens_come_back_at_the_configured_rate_and_never_beyond_the_burst()
    {
        var bucket = new TokenBucket(2, 3, Now());
        for (var i = 0; i < 3; i++)
        {
            Assert.True(bucket.TryTake(Now(), out _));
        }

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(bucket.TryTake(Now(), out _));
        Assert.False(bucket.TryTake(Now(), out var wait));
        Assert.Equal(0.5, wait, 9);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, bucket.UntilFull(Now()));
        var served = 0;
        while (bucket.TryTake(Now(), out _))
        {
            served++;
        }

        Assert.Equal(3, served);
    }

    [Theory]
    [InlineData(0.0001, 10000)]
    [InlineData(0.001, 1000)]
    [InlineData(0.3, 4)]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    public void Retry_after_is_whole_seconds_rounded_up_and_at_least_one(double requestsPerSecond, int retryAfter)
    {
        var bucket = new TokenBucket(requestsPerSecond, 1, Now());
        Assert.True(bucket.TryTake(Now(), out _));

        Assert.False(bucket.TryTake(Now(), out var wait));
        Assert.Equal(retryAfter, TokenBucket.RetryAfterSeconds(wait));
    }

    [Fact]
    public void Each_client_has_a_bucket_of_its_own_and_named_clients_their_own_limit()
    {
        var options = new WanRateLimitOptions { RequestsPerSecond = 1, Burst = 2 };
        options.Clients["tracker-b"] = new WanClientRateLimitOptions { Burst = 4 };
        options.Clients["tracker-c"] = new WanClientRateLimitOptions { RequestsPerSecond = 0.1 };
        var limiter = new WanClientRateLimiter(options, _time);

        Assert.Equal([WanRateOutcome.Allowed, WanRateOutcome.Allowed, WanRateOutcome.RateLimited], Take(limiter, "tracker-a", 3));
        Assert.Equal([WanRateOutcome.Allowed, WanRateOutcome.Allowed, WanRateOutcome.Allowed, WanRateOutcome.Allowed, WanRateOutcome.RateLimited], Take(limiter, "Tracker-B", 5));
        Assert.Equal([WanRateOutcome.Allowed, WanRateOutcome.Allowed], Take(limiter, "tracker-c", 2));
        Assert.Equal(new WanRateDecision(WanRateOutcome.RateLimited, 10, 0.1, 2), limiter.TryAcquire("tracker-c"));
        Assert.Equal(new WanRateDecision(WanRateOutcome.RateLimited, 1, 1, 2), limiter.TryAcquire("tracker-a"));
        Assert.Equal(3, limiter.Count);
    }

    [Fact]
    public void A_full_table_forgets_idle_clients_and_refuses_new_ones_until_a_bucket_fills()
    {
        var limiter = new WanClientRateLimiter(new WanRateLimitOptions { RequestsPerSecond = 0.5, Burst = 2, MaxClients = 2 }, _time);
        Assert.Equal(WanRateOutcome.Allowed, limiter.TryAcquire("a").Outcome);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(WanRateOutcome.Allowed, limiter.TryAcquire("b").Outcome);

        // a is full again after 2 s (1 s from now), b after 2 s from now: the soonest is 1 s away.
        Assert.Equal(new WanRateDecision(WanRateOutcome.TooManyClients, 1, 0, 0), limiter.TryAcquire("c"));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(new WanRateDecision(WanRateOutcome.TooManyClients, 1, 0, 0), limiter.TryAcquire("d"));
        Assert.Equal(WanRateOutcome.Allowed, limiter.TryAcquire("b").Outcome);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(WanRateOutcome.Allowed, limiter.TryAcquire("c").Outcome);
        Assert.Equal(2, limiter.Count);

        // a was forgotten for c; b fills up in 3 s, c in 2 s.
        Assert.Equal(new WanRateDecision(WanRateOutcome.TooManyClients, 2, 0, 0), limiter.TryAcquire("a"));
    }

    private double Now() => _clock.Now;

    private static List<WanRateOutcome> Take(WanClientRateLimiter limiter, string client, int count) =>
        Enumerable.Range(0, count).Select(_ => limiter.TryAcquire(client).Outcome).ToList();
}
