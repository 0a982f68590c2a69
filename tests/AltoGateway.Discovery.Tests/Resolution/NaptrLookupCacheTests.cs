using AltoGateway.Discovery.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Discovery.Tests.Resolution;

/// <summary>Cache lifetimes: record TTLs, RFC 2308 §5 negative TTLs with a floor and a cap, nothing for failures.</summary>
public class NaptrLookupCacheTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(NaptrLookupKind.Records, 600, 600)]
    [InlineData(NaptrLookupKind.Records, 0, 0)]
    [InlineData(NaptrLookupKind.Records, 604_800, 86_400)]
    [InlineData(NaptrLookupKind.NxDomain, 300, 300)]
    [InlineData(NaptrLookupKind.NxDomain, 0, 5)]
    [InlineData(NaptrLookupKind.NoData, 86_400, 10_800)]
    public void Lifetime_follows_the_ttl_within_the_bounds(NaptrLookupKind kind, int ttlSeconds, int expectedSeconds)
    {
        var cache = new NaptrLookupCache(_time);

        var lifetime = cache.Lifetime(new NaptrLookupResult { Name = "example.net.", Kind = kind, Ttl = TimeSpan.FromSeconds(ttlSeconds) });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), lifetime);
    }

    [Fact]
    public void Negative_answer_without_soa_and_failures_are_not_kept()
    {
        // RFC 2308 §5: negative responses without SOA records SHOULD NOT be cached.
        var cache = new NaptrLookupCache(_time);

        Assert.False(cache.Store(new NaptrLookupResult { Name = "a.example.", Kind = NaptrLookupKind.NxDomain }));
        Assert.False(cache.Store(new NaptrLookupResult
        {
            Name = "b.example.", Kind = NaptrLookupKind.TemporaryFailure, Ttl = TimeSpan.FromHours(1), Failure = DnsFailureReason.ServerFailure,
        }));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Entries_expire_on_the_clock_and_names_match_ignoring_case()
    {
        var cache = new NaptrLookupCache(_time);
        cache.Store(new NaptrLookupResult { Name = "Example.NET.", Kind = NaptrLookupKind.NoData, Ttl = TimeSpan.FromSeconds(60) });

        Assert.True(cache.TryGet("example.net", out var hit, out var remaining));
        Assert.Equal(NaptrLookupKind.NoData, hit.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), remaining);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(cache.TryGet("example.net.", out _, out _));
    }

    [Fact]
    public void A_full_cache_drops_the_entry_closest_to_expiry()
    {
        var cache = new NaptrLookupCache(_time, new NaptrCacheOptions { MaximumEntries = 2 });
        cache.Store(new NaptrLookupResult { Name = "long.example.", Kind = NaptrLookupKind.NoData, Ttl = TimeSpan.FromSeconds(600) });
        cache.Store(new NaptrLookupResult { Name = "short.example.", Kind = NaptrLookupKind.NoData, Ttl = TimeSpan.FromSeconds(60) });

        cache.Store(new NaptrLookupResult { Name = "new.example.", Kind = NaptrLookupKind.NoData, Ttl = TimeSpan.FromSeconds(300) });

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("long.example.", out _, out _));
        Assert.True(cache.TryGet("new.example.", out _, out _));
        Assert.False(cache.TryGet("short.example.", out _, out _));
    }
}
