using System.Diagnostics;
using System.Globalization;
using System.Net;
using AltoGateway.Nat;
using AltoGateway.Nat.Map;

namespace AltoGateway.Benchmarks;

/// <summary>
/// Issue 3's targets for the NAT map: 1,000,000 IPv4 mappings (or the count given), memory per entry with both indexes
/// (anchor: the kernel's own conntrack object, /proc/slabinfo), lookups per second on one core from
/// either side, inserts per second.
/// </summary>
internal static class NatMapBenchmark
{
    private static int Mappings = 1_000_000;

    public static int Run(int mappings)
    {
        Mappings = mappings;
        (string Name, int Subscribers)[] distributions =
            [($"CGN: 16,384 subscribers, {mappings / 16_384} flows each", 16_384), ($"worst case: {mappings:N0} subscribers, 1 flow each", mappings)];
        var rows = new BenchmarkTable();
        var anchor = KernelConntrackObjectSize();
        foreach (var (name, subscribers) in distributions)
        {
            Measure(rows, name, subscribers, anchor);
        }

        rows.Print();
        return 0;
    }

    private static void Measure(BenchmarkTable rows, string name, int subscriberCount, int? anchor)
    {
        var publics = Enumerable.Range(0, 64).Select(i => new IPAddress([192, 0, 2, (byte)i])).ToArray();
        var subscribers = Enumerable.Range(0, subscriberCount).Select(i => new IPAddress([100, (byte)(64 + (i >> 16)), (byte)(i >> 8), (byte)i])).ToArray();
        var mappings = new NatMapping[Mappings];
        for (var i = 0; i < Mappings; i++)
        {
            // Distinct external keys: 64 addresses x 15,625 ports each.
            mappings[i] = new NatMapping(NatProtocol.Udp, subscribers[i % subscriberCount], (ushort)(1024 + (i / subscriberCount)),
                publics[i % 64], (ushort)(1024 + (i / 64)), NatMappingSource.Conntrack);
        }

        var lifetime = TimeSpan.FromMinutes(5);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var map = new NatMap(new NatMapOptions { MaxEntries = Mappings, InitialCapacity = Mappings }, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        foreach (ref readonly var mapping in mappings.AsSpan())
        {
            map.Upsert(mapping, lifetime);
        }

        var insertSeconds = clock.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perEntry = (after - before) / (double)Mappings;

        // Lookups on one thread, keys in a shuffled order so the caches do not flatter us.
        // The queries are laid out in advance, in random order, as a proxy has them after parsing.
        var random = new Random(1);
        random.Shuffle(mappings);
        var outsideQueries = mappings.Select(m => (m.ExternalAddress, m.ExternalPort)).ToArray();
        var insideQueries = mappings.Select(m => m.InternalAddress).ToArray();
        var outside = Time(() =>
        {
            var hits = 0;
            foreach (var (address, port) in outsideQueries)
            {
                hits += map.TryFindByExternal(NatProtocol.Udp, address, port, out _) ? 1 : 0;
            }

            return hits;
        });
        var batches = outsideQueries.Select(q => new ExternalKey(NatProtocol.Udp, q.ExternalAddress, q.ExternalPort)).Chunk(100).ToArray();
        var results = new NatMapEntry?[100];
        var outsideBatched = Time(() =>
        {
            var hits = 0;
            foreach (var batch in batches)
            {
                hits += map.FindByExternal(batch, results);
            }

            return hits;
        });
        var inside = Time(() =>
        {
            var hits = 0;
            foreach (var address in insideQueries)
            {
                hits += map.HasSubscriber(address) ? 1 : 0;
            }

            return hits;
        });

        GC.KeepAlive(map);
        rows.Add("memory per entry", name, $"{perEntry:0.0} bytes", anchor is { } a ? $"target <= 64; kernel conntrack object {a} bytes (ratio {perEntry / a:0.00})" : "target <= 64; kernel conntrack object: /proc/slabinfo not readable");
        rows.Add("inserts/s", name, Rate(Mappings / insertSeconds), "target >= 2,000,000");
        rows.Add("lookups/s, outside", name, Rate(outside), "target >= 10,000,000 per core");
        rows.Add("lookups/s, outside, batches of 100", name, Rate(outsideBatched), "target >= 10,000,000 per core");
        rows.Add("lookups/s, inside", name, Rate(inside), "target >= 10,000,000 per core");
    }

    /// <summary>Runs the loop three times and keeps the best rate (the first run warms up).</summary>
    private static double Time(Func<int> loop)
    {
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var hits = loop();
            var rate = hits / clock.Elapsed.TotalSeconds;
            if (hits != Mappings)
            {
                throw new InvalidOperationException($"only {hits} of {Mappings} lookups found their mapping");
            }

            best = Math.Max(best, rate);
        }

        return best;
    }

    /// <summary>objsize of the nf_conntrack slab, when the kernel lets us read it.</summary>
    private static int? KernelConntrackObjectSize()
    {
        try
        {
            var line = File.ReadLines("/proc/slabinfo").FirstOrDefault(l => l.StartsWith("nf_conntrack ", StringComparison.Ordinal));
            var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 3 } ? int.Parse(fields[3], CultureInfo.InvariantCulture) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Rate(double perSecond) => $"{perSecond:N0}";
}
