using System.Net;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Nat.Tests.Map;

/// <summary>Random operation sequences checked against a plain dictionary model, with fixed seeds.</summary>
public class NatMapPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Random_operations_agree_with_a_dictionary_model(int seed)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider();
        var map = new NatMap(new NatMapOptions { MaxEntries = 1 << 16, InitialCapacity = 16 }, time);
        var model = new Dictionary<(NatProtocol, string, ushort), NatMapping>();
        var publics = Enumerable.Range(1, 4).Select(i => IPAddress.Parse($"192.0.2.{i}")).ToArray();

        for (var step = 0; step < 20_000; step++)
        {
            var protocol = random.Next(2) == 0 ? NatProtocol.Tcp : NatProtocol.Udp;
            var external = publics[random.Next(publics.Length)];
            var port = (ushort)random.Next(20000, 20400);
            var key = (protocol, external.ToString(), port);
            if (random.Next(3) == 0)
            {
                Assert.Equal(model.Remove(key), map.Remove(protocol, external, port));
            }
            else
            {
                var inside = random.Next(5) == 0
                    ? IPAddress.Parse($"2001:db8::{random.Next(1, 60):x}")
                    : IPAddress.Parse($"100.64.0.{random.Next(1, 60)}");
                var mapping = new NatMapping(protocol, inside, (ushort)random.Next(1024, 1100), external, port, NatMappingSource.Conntrack);
                Assert.True(map.Upsert(mapping, null));
                model[key] = mapping;
            }
        }

        Assert.Equal(model.Count, map.Count);
        foreach (var (key, mapping) in model)
        {
            Assert.True(map.TryFindByExternal(key.Item1, mapping.ExternalAddress, key.Item3, out var entry));
            Assert.Equal(mapping, entry.Mapping);
        }

        var bySubscriber = model.Values.GroupBy(m => m.InternalAddress);
        Assert.Equal(bySubscriber.Count(), map.SubscriberCount);
        foreach (var group in bySubscriber)
        {
            Assert.Equal(group.Count(), map.MappingsOf(group.Key).Count);
        }

        // The batched lookup answers exactly what single lookups answer, present keys and absent ones.
        var keys = model.Keys.Select(k => new ExternalKey(k.Item1, IPAddress.Parse(k.Item2), k.Item3))
            .Concat(Enumerable.Range(0, 300).Select(_ => new ExternalKey(NatProtocol.Udp, publics[random.Next(publics.Length)], (ushort)random.Next(20000, 20400))))
            .ToArray();
        var batched = new NatMapEntry?[keys.Length];
        var found = map.FindByExternal(keys, batched);
        for (var i = 0; i < keys.Length; i++)
        {
            var single = map.TryFindByExternal(keys[i].Protocol, keys[i].Address, keys[i].Port, out var entry);
            Assert.Equal(single, batched[i].HasValue);
            Assert.Equal(single ? entry.Mapping : default, batched[i]?.Mapping ?? default);
        }

        Assert.Equal(batched.Count(b => b.HasValue), found);

        foreach (var external in publics)
        {
            var users = model.Values.Where(m => m.ExternalAddress.Equals(external)).Select(m => m.InternalAddress).Distinct().ToList();
            var behind = map.FindSubscribersBehind(external);
            Assert.Equal(users.Count, behind.Count);
            Assert.Equal(users.Count == 1 ? users[0] : null, behind.OnlySubscriber);
        }
    }

    [Fact]
    public async Task Readers_never_see_a_wrong_answer_while_the_writer_churns()
    {
        var map = new NatMap(new NatMapOptions { MaxEntries = 1 << 12, InitialCapacity = 16 }, TimeProvider.System);
        var external = IPAddress.Parse("192.0.2.1");

        // Invariant: external port P always maps to inside port P (if present at all). The test runs
        // until every reader has verified enough hits (not for a fixed time: on a loaded 2-core CI
        // machine a reader may not get a core for seconds), on threads of their own, capped at 60 s.
        const int hitsPerReader = 2_000;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writer = Task.Factory.StartNew(() =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var port = (ushort)random.Next(1, 3000);
                if (random.Next(2) == 0)
                {
                    map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse($"100.64.{port % 200}.1"), port, external, port, NatMappingSource.Conntrack), null);
                }
                else
                {
                    map.Remove(NatProtocol.Udp, external, port);
                }
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var readers = Enumerable.Range(0, 2).Select(r => Task.Factory.StartNew(() =>
        {
            var random = new Random(r);
            var checkedCount = 0;
            while (checkedCount < hitsPerReader && !stop.IsCancellationRequested)
            {
                var port = (ushort)random.Next(1, 3000);
                if (map.TryFindByExternal(NatProtocol.Udp, external, port, out var entry))
                {
                    Assert.Equal(port, entry.Mapping.InternalPort);
                    Assert.Equal(IPAddress.Parse($"100.64.{port % 200}.1"), entry.Mapping.InternalAddress);
                    checkedCount++;
                }
            }

            return checkedCount;
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var checks = await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;
        Assert.All(checks, c => Assert.Equal(hitsPerReader, c));
    }
}
