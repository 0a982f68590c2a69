using System.Net;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Nat.Tests.Map;

public class NatMapTests
{
    private static readonly IPAddress Public1 = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Public2 = IPAddress.Parse("192.0.2.2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_mapping_is_found_from_the_outside_with_its_times()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), TimeSpan.FromMinutes(5));

        Assert.True(map.TryFindByExternal(NatProtocol.Tcp, Public1, 20001, out var entry));
        Assert.Equal(Tcp("100.64.0.7", 51000, Public1, 20001), entry.Mapping);
        Assert.Equal(_time.GetUtcNow(), entry.FirstSeen);
        Assert.Equal(_time.GetUtcNow(), entry.LastSeen);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), entry.Expires);
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.SubscriberCount);
    }

    [Fact]
    public void Protocol_address_and_port_all_belong_to_the_key()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), null);

        Assert.False(map.TryFindByExternal(NatProtocol.Udp, Public1, 20001, out _));
        Assert.False(map.TryFindByExternal(NatProtocol.Tcp, Public2, 20001, out _));
        Assert.False(map.TryFindByExternal(NatProtocol.Tcp, Public1, 20002, out _));
        Assert.True(map.TryFindByExternal(NatProtocol.Tcp, IPAddress.Parse("::ffff:192.0.2.1"), 20001, out _));
    }

    [Fact]
    public void A_subscriber_finds_all_its_mappings_from_the_inside()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), null);
        map.Upsert(Udp("100.64.0.7", 6881, Public1, 20002), null);
        map.Upsert(Tcp("100.64.0.8", 51000, Public1, 20003), null);

        var mine = map.MappingsOf(IPAddress.Parse("100.64.0.7"));

        Assert.Equal([20001, 20002], mine.Select(m => (int)m.Mapping.ExternalPort).Order());
        Assert.True(map.HasSubscriber(IPAddress.Parse("100.64.0.8")));
        Assert.False(map.HasSubscriber(IPAddress.Parse("100.64.0.9")));
        Assert.Single(map.MappingsOf(IPAddress.Parse("100.64.0.7"), limit: 1));
    }

    [Fact]
    public void Ipv6_inside_addresses_fit_ds_lite_style()
    {
        var map = NewMap();
        var b4 = IPAddress.Parse("2001:db8:100::7");
        map.Upsert(new NatMapping(NatProtocol.Udp, b4, 4000, Public1, 30000, NatMappingSource.Conntrack), null);

        Assert.True(map.TryFindByExternal(NatProtocol.Udp, Public1, 30000, out var entry));
        Assert.Equal(b4, entry.Mapping.InternalAddress);
        Assert.Single(map.MappingsOf(b4));
    }

    [Fact]
    public void Upserting_the_same_flow_refreshes_it_and_a_new_inside_replaces_the_old()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromSeconds(50));
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), TimeSpan.FromMinutes(1));

        Assert.True(map.TryFindByExternal(NatProtocol.Tcp, Public1, 20001, out var refreshed));
        Assert.Equal(_time.GetUtcNow().AddSeconds(-50), refreshed.FirstSeen);
        Assert.Equal(_time.GetUtcNow(), refreshed.LastSeen);

        map.Upsert(Tcp("100.64.0.9", 40000, Public1, 20001), null);
        Assert.True(map.TryFindByExternal(NatProtocol.Tcp, Public1, 20001, out var replaced));
        Assert.Equal(IPAddress.Parse("100.64.0.9"), replaced.Mapping.InternalAddress);
        Assert.False(map.HasSubscriber(IPAddress.Parse("100.64.0.7")));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Removing_the_last_mapping_of_a_subscriber_forgets_the_subscriber()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.7", 51000, Public1, 20001), null);
        map.Upsert(Tcp("100.64.0.7", 51001, Public1, 20002), null);

        Assert.True(map.Remove(NatProtocol.Tcp, Public1, 20001));
        Assert.True(map.HasSubscriber(IPAddress.Parse("100.64.0.7")));
        Assert.True(map.Remove(NatProtocol.Tcp, Public1, 20002));
        Assert.False(map.Remove(NatProtocol.Tcp, Public1, 20002));

        Assert.False(map.HasSubscriber(IPAddress.Parse("100.64.0.7")));
        Assert.Equal(0, map.Count);
        Assert.Equal(0, map.SubscriberCount);
    }

    [Fact]
    public void Expired_mappings_are_invisible_at_once_and_removed_by_the_sweep()
    {
        var map = NewMap();
        map.Upsert(Udp("100.64.0.7", 6881, Public1, 20001), TimeSpan.FromSeconds(30));
        map.Upsert(Udp("100.64.0.8", 6881, Public1, 20002), null);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(map.TryFindByExternal(NatProtocol.Udp, Public1, 20001, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(map.TryFindByExternal(NatProtocol.Udp, Public1, 20001, out _));
        Assert.Empty(map.MappingsOf(IPAddress.Parse("100.64.0.7")));

        Assert.Equal(1, map.RemoveExpired());
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.Expired);
        Assert.True(map.TryFindByExternal(NatProtocol.Udp, Public1, 20002, out _));
    }

    [Fact]
    public void A_full_map_evicts_the_idlest_dynamic_mapping_and_counts_it()
    {
        var map = new NatMap(new NatMapOptions { MaxEntries = 100, InitialCapacity = 16 }, _time);
        for (var i = 0; i < 100; i++)
        {
            map.Upsert(Udp($"100.64.0.{i}", 1000, Public1, (ushort)(20000 + i)), null);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Touch all but the oldest few so that they are the idle ones.
        for (var i = 10; i < 100; i++)
        {
            map.Upsert(Udp($"100.64.0.{i}", 1000, Public1, (ushort)(20000 + i)), null);
        }

        map.Upsert(Udp("100.64.1.1", 1000, Public1, 30000), null);

        Assert.Equal(100, map.Count);
        Assert.Equal(1, map.Evicted);
        Assert.True(map.TryFindByExternal(NatProtocol.Udp, Public1, 30000, out _));
        var survivors = Enumerable.Range(0, 10).Count(i => map.TryFindByExternal(NatProtocol.Udp, Public1, (ushort)(20000 + i), out _));
        Assert.Equal(9, survivors);
        Assert.All(Enumerable.Range(10, 90), i => Assert.True(map.TryFindByExternal(NatProtocol.Udp, Public1, (ushort)(20000 + i), out _)));
    }

    [Fact]
    public void Expired_mappings_are_reclaimed_before_anything_is_evicted()
    {
        var map = new NatMap(new NatMapOptions { MaxEntries = 20, InitialCapacity = 16 }, _time);
        for (var i = 0; i < 20; i++)
        {
            map.Upsert(Udp($"100.64.0.{i}", 1000, Public1, (ushort)(20000 + i)), i == 7 ? TimeSpan.FromSeconds(1) : null);
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        map.Upsert(Udp("100.64.1.1", 1000, Public1, 30000), null);

        Assert.Equal(0, map.Evicted);
        Assert.Equal(1, map.Expired);
        Assert.Equal(20, map.Count);
    }

    [Fact]
    public void Static_mappings_are_never_evicted_and_a_map_full_of_them_rejects()
    {
        var map = new NatMap(new NatMapOptions { MaxEntries = 16, InitialCapacity = 16 }, _time);
        for (var i = 0; i < 16; i++)
        {
            Assert.True(map.Upsert(new NatMapping(NatProtocol.Tcp, IPAddress.Parse($"100.64.0.{i}"), 80, Public1, (ushort)(8000 + i), NatMappingSource.Static), null));
        }

        Assert.False(map.Upsert(Tcp("100.64.1.1", 1000, Public1, 30000), null));
        Assert.Equal(1, map.Rejected);
        Assert.Equal(0, map.Evicted);
        Assert.Equal(16, map.Count);
    }

    [Fact]
    public void A_resync_removes_what_the_feed_no_longer_has_and_leaves_other_feeds_alone()
    {
        var map = NewMap();
        map.Upsert(Tcp("100.64.0.1", 1, Public1, 20001), null);
        map.Upsert(Tcp("100.64.0.2", 2, Public1, 20002), null);
        map.Upsert(new NatMapping(NatProtocol.Tcp, IPAddress.Parse("100.64.0.3"), 3, Public1, 20003, NatMappingSource.Static), null);

        var token = map.BeginResync(NatMappingSource.Conntrack);
        map.Upsert(Tcp("100.64.0.2", 2, Public1, 20002), null);
        map.Upsert(Tcp("100.64.0.4", 4, Public1, 20004), null);
        var removed = map.EndResync(token);

        Assert.Equal(1, removed);
        Assert.Equal([20002, 20003, 20004], map.Snapshot(100).Select(e => (int)e.Mapping.ExternalPort).Order());
    }

    [Fact]
    public void Subscribers_behind_a_public_address_are_counted_and_named_when_alone()
    {
        var map = NewMap();
        Assert.Equal(new SubscribersBehind(0, null), map.FindSubscribersBehind(Public1));

        map.Upsert(Tcp("100.64.0.7", 1, Public1, 20001), null);
        map.Upsert(Tcp("100.64.0.7", 2, Public1, 20002), null);
        Assert.Equal(new SubscribersBehind(1, IPAddress.Parse("100.64.0.7")), map.FindSubscribersBehind(Public1));

        map.Upsert(Tcp("100.64.0.8", 1, Public1, 20003), null);
        map.Upsert(Tcp("100.64.0.9", 1, Public1, 20004), null);
        Assert.Equal(3, map.FindSubscribersBehind(Public1).Count);
        Assert.Null(map.FindSubscribersBehind(Public1).OnlySubscriber);

        map.Remove(NatProtocol.Tcp, Public1, 20001);
        map.Remove(NatProtocol.Tcp, Public1, 20003);
        Assert.Equal(2, map.FindSubscribersBehind(Public1).Count);
        map.Remove(NatProtocol.Tcp, Public1, 20004);
        Assert.Equal(new SubscribersBehind(1, IPAddress.Parse("100.64.0.7")), map.FindSubscribersBehind(Public1));
        Assert.Equal(0, map.FindSubscribersBehind(Public2).Count);
    }

    [Fact]
    public void A_subscriber_on_many_public_addresses_is_counted_on_each()
    {
        var map = NewMap();
        for (var i = 1; i <= 5; i++)
        {
            map.Upsert(Tcp("100.64.0.7", (ushort)i, IPAddress.Parse($"192.0.2.{i}"), 20001), null);
            map.Upsert(Tcp("100.64.0.7", (ushort)(i + 10), IPAddress.Parse($"192.0.2.{i}"), 20002), null);
        }

        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(new SubscribersBehind(1, IPAddress.Parse("100.64.0.7")), map.FindSubscribersBehind(IPAddress.Parse($"192.0.2.{i}")));
        }

        for (var i = 1; i <= 5; i++)
        {
            map.Remove(NatProtocol.Tcp, IPAddress.Parse($"192.0.2.{i}"), 20001);
            Assert.Equal(1, map.FindSubscribersBehind(IPAddress.Parse($"192.0.2.{i}")).Count);
            map.Remove(NatProtocol.Tcp, IPAddress.Parse($"192.0.2.{i}"), 20002);
            Assert.Equal(0, map.FindSubscribersBehind(IPAddress.Parse($"192.0.2.{i}")).Count);
        }
    }

    [Fact]
    public void A_batch_lookup_skips_expired_mappings_and_refuses_a_short_result_span()
    {
        var map = NewMap();
        map.Upsert(Udp("100.64.0.7", 6881, Public1, 20001), TimeSpan.FromSeconds(10));
        map.Upsert(Udp("100.64.0.8", 6881, Public1, 20002), null);
        ExternalKey[] keys = [new(NatProtocol.Udp, Public1, 20001), new(NatProtocol.Udp, Public1, 20002), new(NatProtocol.Tcp, Public1, 20002)];
        var results = new NatMapEntry?[3];

        Assert.Equal(2, map.FindByExternal(keys, results));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, map.FindByExternal(keys, results));
        Assert.Equal([false, true, false], results.Select(r => r.HasValue));
        Assert.Throws<ArgumentException>(() => map.FindByExternal(keys, new NatMapEntry?[2]));
    }

    private NatMap NewMap() => new(new NatMapOptions(), _time);

    internal static NatMapping Tcp(string inside, ushort insidePort, IPAddress outside, ushort outsidePort) =>
        new(NatProtocol.Tcp, IPAddress.Parse(inside), insidePort, outside, outsidePort, NatMappingSource.Conntrack);

    internal static NatMapping Udp(string inside, ushort insidePort, IPAddress outside, ushort outsidePort) =>
        new(NatProtocol.Udp, IPAddress.Parse(inside), insidePort, outside, outsidePort, NatMappingSource.Conntrack);
}
