using System.Net;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Nat.Tests.Map;

/// <summary>
/// The entry array is an open-addressing table whose deletions shift later entries back into the
/// hole: these runs (fixed seeds, small tables so that probe runs wrap around the end, grow, and
/// evict) check every subscriber list, count and index against a plain model after the moves.
/// </summary>
public class NatMapOpenAddressingTests
{
    internal static readonly IPAddress[] Publics = [.. Enumerable.Range(1, 3).Select(i => IPAddress.Parse($"192.0.2.{i}"))];

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 150)]
    [InlineData(3, 16)]
    [InlineData(4, 1000)]
    [InlineData(5, 1)]
    public void Shifting_deletions_growth_and_eviction_keep_every_list_right(int seed, int maxEntries)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider();
        var map = new NatMap(new NatMapOptions { MaxEntries = maxEntries, InitialCapacity = 1 }, time);
        var model = new Dictionary<(NatProtocol, IPAddress, ushort), (NatMapping Mapping, DateTimeOffset? Expires)>();
        var insides = Enumerable.Range(1, 40).Select(i => i % 4 == 0 ? IPAddress.Parse($"2001:db8::{i:x}") : IPAddress.Parse($"100.64.0.{i}")).ToArray();

        for (var step = 0; step < 6_000; step++)
        {
            var protocol = random.Next(2) == 0 ? NatProtocol.Tcp : NatProtocol.Udp;
            var key = (protocol, Publics[random.Next(Publics.Length)], (ushort)random.Next(30000, 30400));
            var operation = random.Next(10);
            if (operation < 3)
            {
                Assert.Equal(model.Remove(key), map.Remove(key.Item1, key.Item2, key.Item3));
            }
            else if (operation < 9)
            {
                var source = random.Next(20) == 0 ? NatMappingSource.Static : NatMappingSource.Conntrack;
                var mapping = new NatMapping(protocol, insides[random.Next(insides.Length)], (ushort)random.Next(1024, 1030), key.Item2, key.Item3, source);
                TimeSpan? lifetime = random.Next(4) == 0 ? TimeSpan.FromSeconds(random.Next(1, 5)) : null;
                var evicted = map.Evicted;
                if (!map.Upsert(mapping, lifetime))
                {
                    Assert.Equal(map.MaxEntries, map.Count);
                    continue;
                }

                // A refresh keeps the static mark of a static entry, as the map does.
                if (model.TryGetValue(key, out var old) && SameFlow(old.Mapping, mapping) && old.Mapping.Source == NatMappingSource.Static)
                {
                    mapping = mapping with { Source = NatMappingSource.Static };
                }

                model[key] = (mapping, lifetime is { } l ? time.GetUtcNow() + TimeSpan.FromSeconds(Math.Ceiling(l.TotalSeconds)) : null);
                if (map.Evicted != evicted)
                {
                    // Exactly one live dynamic mapping went, never the one just written.
                    var gone = model.Where(kv => IsAlive(kv.Value, time) && !Find(map, kv.Key, out _)).Select(kv => kv.Key).ToList();
                    var victim = Assert.Single(gone);
                    Assert.NotEqual(key, victim);
                    Assert.Equal(NatMappingSource.Conntrack, model[victim].Mapping.Source);
                    model.Remove(victim);
                }

                // An expired mapping reclaimed to make room was invisible already; the sweep of the check settles the model.
            }
            else
            {
                time.Advance(TimeSpan.FromSeconds(random.Next(0, 3)));
            }

            if (step % 97 == 0 || step == 5_999)
            {
                CheckAgainstModel(map, model, insides, time, random);
            }
        }
    }

    [Fact]
    public void A_map_of_one_entry_replaces_and_evicts_in_place()
    {
        var time = new FakeTimeProvider();
        var map = new NatMap(new NatMapOptions { MaxEntries = 1, InitialCapacity = 1 }, time);
        Assert.True(map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse("100.64.0.1"), 1, Publics[0], 1, NatMappingSource.Conntrack), null));
        Assert.True(map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse("100.64.0.2"), 2, Publics[0], 2, NatMappingSource.Conntrack), null));
        Assert.Equal(1, map.Count);
        Assert.Equal(1, map.Evicted);
        Assert.False(map.HasSubscriber(IPAddress.Parse("100.64.0.1")));
        Assert.True(map.TryFindByExternal(NatProtocol.Udp, Publics[0], 2, out var entry));
        Assert.Equal(IPAddress.Parse("100.64.0.2"), entry.Mapping.InternalAddress);
    }

    private static void CheckAgainstModel(
        NatMap map, Dictionary<(NatProtocol, IPAddress, ushort), (NatMapping Mapping, DateTimeOffset? Expires)> model, IPAddress[] insides, FakeTimeProvider time, Random random)
    {
        var swept = map.RemoveExpired();
        var expired = model.Where(kv => !IsAlive(kv.Value, time)).Select(kv => kv.Key).ToList();
        Assert.True(swept <= expired.Count);
        foreach (var key in expired)
        {
            model.Remove(key);
        }

        Assert.Equal(model.Count, map.Count);
        foreach (var (key, value) in model)
        {
            Assert.True(Find(map, key, out var entry));
            Assert.Equal(value.Mapping, entry.Mapping);
            Assert.Equal(value.Expires, entry.Expires);
        }

        var bySubscriber = model.Values.GroupBy(v => v.Mapping.InternalAddress).ToDictionary(g => g.Key, g => g.Select(v => v.Mapping).ToHashSet());
        Assert.Equal(bySubscriber.Count, map.SubscriberCount);
        foreach (var inside in insides)
        {
            var expected = bySubscriber.GetValueOrDefault(inside) ?? [];
            var listed = map.MappingsOf(inside).Select(e => e.Mapping).ToList();
            Assert.Equal(expected.Count, listed.Count);
            Assert.True(expected.SetEquals(listed));
            Assert.Equal(expected.Count > 0, map.HasSubscriber(inside));
        }

        Assert.True(model.Values.Select(v => v.Mapping).ToHashSet().SetEquals(map.Snapshot(int.MaxValue).Select(e => e.Mapping)));
        foreach (var external in Publics)
        {
            var users = model.Values.Where(v => v.Mapping.ExternalAddress.Equals(external)).Select(v => v.Mapping.InternalAddress).Distinct().ToList();
            Assert.Equal(new SubscribersBehind(users.Count, users.Count == 1 ? users[0] : null), map.FindSubscribersBehind(external));
        }

        // A resync refreshing a random half of the feed's mappings removes exactly the other half.
        var token = map.BeginResync(NatMappingSource.Conntrack);
        var stale = new List<(NatProtocol, IPAddress, ushort)>();
        foreach (var (key, value) in model.ToList())
        {
            if (random.Next(2) == 0)
            {
                Assert.True(map.Upsert(value.Mapping, null));
                model[key] = (value.Mapping, null);
            }
            else if (value.Mapping.Source == NatMappingSource.Conntrack)
            {
                stale.Add(key);
            }
        }

        Assert.Equal(stale.Count, map.EndResync(token));
        foreach (var key in stale)
        {
            model.Remove(key);
            Assert.False(Find(map, key, out _));
        }

        Assert.Equal(model.Count, map.Count);
    }

    private static bool SameFlow(NatMapping a, NatMapping b) => a.InternalAddress.Equals(b.InternalAddress) && a.InternalPort == b.InternalPort;

    private static bool IsAlive((NatMapping Mapping, DateTimeOffset? Expires) value, FakeTimeProvider time) => value.Expires is not { } e || e > time.GetUtcNow();

    private static bool Find(NatMap map, (NatProtocol, IPAddress, ushort) key, out NatMapEntry entry) => map.TryFindByExternal(key.Item1, key.Item2, key.Item3, out entry);
}

/// <summary>Runs alone (it keeps both cores busy), so that it starves no other concurrency test.</summary>
[CollectionDefinition(nameof(NatMapShiftConcurrencyTests), DisableParallelization = true)]
public sealed class NatMapShiftConcurrencyGroup;

/// <summary>Lock-free readers against a writer whose deletions shift entries of the open-addressing table.</summary>
[Collection(nameof(NatMapShiftConcurrencyTests))]
public class NatMapShiftConcurrencyTests
{
    [Fact]
    public async Task Readers_of_both_sides_stay_right_while_deletions_shift_entries()
    {
        var map = new NatMap(new NatMapOptions { MaxEntries = 300, InitialCapacity = 1 }, TimeProvider.System);

        // Invariant: external port P always maps to inside port P of subscriber 100.64.(P % 50).1.
        static IPAddress Inside(int port) => IPAddress.Parse($"100.64.{port % 50}.1");
        // Runs until every reader verified enough hits (not for a fixed time: a loaded CI machine may
        // keep a reader off the cores for seconds), capped at 60 s.
        const int hitsPerReader = 2_000;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writer = Task.Factory.StartNew(() =>
        {
            var random = new Random(11);
            while (!stop.IsCancellationRequested)
            {
                var port = (ushort)random.Next(1, 1000);
                if (random.Next(3) != 0)
                {
                    map.Upsert(new NatMapping(NatProtocol.Udp, Inside(port), port, NatMapOpenAddressingTests.Publics[port % 3], port, NatMappingSource.Conntrack), null);
                }
                else
                {
                    map.Remove(NatProtocol.Udp, NatMapOpenAddressingTests.Publics[port % 3], port);
                }

                // Leave the readers gaps between writes (a batch retries whenever a write overlaps it).
                Thread.SpinWait(20);
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var readers = Enumerable.Range(0, 2).Select(r => Task.Factory.StartNew(() =>
        {
            var random = new Random(r);
            var keys = new ExternalKey[8];
            var results = new NatMapEntry?[8];
            var checkedCount = 0;
            while (checkedCount < hitsPerReader && !stop.IsCancellationRequested)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var port = (ushort)random.Next(1, 1000);
                    keys[i] = new ExternalKey(NatProtocol.Udp, NatMapOpenAddressingTests.Publics[port % 3], port);
                }

                map.FindByExternal(keys, results);
                for (var i = 0; i < keys.Length; i++)
                {
                    if (results[i] is { } found)
                    {
                        Assert.Equal(keys[i].Port, found.Mapping.InternalPort);
                        Assert.Equal(Inside(keys[i].Port), found.Mapping.InternalAddress);
                        checkedCount++;
                    }
                }

                var subscriber = random.Next(50);
                foreach (var mapping in map.MappingsOf(IPAddress.Parse($"100.64.{subscriber}.1")))
                {
                    Assert.Equal(subscriber, mapping.Mapping.ExternalPort % 50);
                    Assert.Equal(mapping.Mapping.ExternalPort, mapping.Mapping.InternalPort);
                }
            }

            return checkedCount;
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var checks = await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;
        Assert.All(checks, c => Assert.True(c >= hitsPerReader, $"a reader verified only {c} hits in 60 s"));
    }
}
