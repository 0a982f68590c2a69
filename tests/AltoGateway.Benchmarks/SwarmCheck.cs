using System.Diagnostics;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Benchmarks;

/// <summary>
/// DESIGN.md's example, measured: 10,000 peers besides the asking one, 100 of them close to it (its PID),
/// tracker lists of 100. (i) Random lists, many seeded trials, beside the exact hypergeometric
/// shares. (ii) ALTO-ranked lists: the tracker asks the NativeAOT agent's proxy (CGN mode, built-in
/// server) one ordinal ECS per asking peer, naming every peer by public address:port, and takes the
/// 100 cheapest (ties broken at random, seeded).
/// </summary>
internal static class SwarmCheck
{
    private const int ListSize = 100;
    private const int Seed = 7285;

    public static async Task<int> RunAsync(int randomTrials, int askers)
    {
        var model = new SwarmModel(others: 10_000, close: 100);
        if (askers > model.Close + 1)
        {
            Console.Error.WriteLine($"at most {model.Close + 1} asking peers: the near PID has no more");
            return 2;
        }

        var exact = model.ExactRandomShares(ListSize);
        var random = SwarmModel.Shares(model.RandomCloseCounts(asker: 0, ListSize, randomTrials, new Random(Seed)));

        var names = model.PublicNames(ProxyBenchmark.PlanEndpoint());
        var closeNames = new HashSet<string>(Enumerable.Range(0, model.Close + 1).Select(p => names[p]), StringComparer.Ordinal);
        var tieBreak = new Random(Seed);
        var altoCounts = new List<int>();
        var elapsed = TimeSpan.Zero;
        await using (var agent = await ProxyBenchmark.StartAgentAsync())
        {
            var clock = Stopwatch.StartNew();
            for (var asker = 0; asker < askers; asker++)
            {
                var others = names.Where((_, p) => p != asker).ToArray();
                var row = await agent.CostRowAsync("/proxy/endpointcost", SwarmModel.CostRequest("ordinal", names[asker], others));
                if (row.Count != model.Others)
                {
                    Console.Error.WriteLine($"the proxy ranked {row.Count} of the {model.Others} peers for {names[asker]}");
                    return 1;
                }

                altoCounts.Add(SwarmModel.Cheapest(row, ListSize, tieBreak).Count(closeNames.Contains));
            }

            elapsed = clock.Elapsed;
        }

        var alto = SwarmModel.Shares(altoCounts);
        Console.WriteLine($"swarm of {model.Others:#,0} peers besides the asking one, {model.Close} of them close to it (same PID), tracker lists of {ListSize}; seed {Seed}");
        var rows = new BenchmarkTable();
        rows.Add("lists with no close peer", $"random, {randomTrials:#,0} trials", Percent(random.None), $"exact hypergeometric {Percent(exact.None)} ({exact.None:0.0000000000})");
        rows.Add("lists with no close peer", $"ALTO-ranked via proxy, {askers} asking peers", Percent(alto.None), "expected 0 %");
        rows.Add("lists with <= 4 close peers", $"random, {randomTrials:#,0} trials", Percent(random.AtMostFour), $"exact hypergeometric {Percent(exact.AtMostFour)} ({exact.AtMostFour:0.0000000000})");
        rows.Add("lists with <= 4 close peers", $"ALTO-ranked via proxy, {askers} asking peers", Percent(alto.AtMostFour), "expected 0 %");
        rows.Add("close peers per ALTO list", "min / max", $"{altoCounts.Min()} / {altoCounts.Max()}", $"expected {model.Close} / {model.Close}");
        rows.Add($"ECS of 1 x {model.Others:#,0} via proxy", "mean wall time per asking peer", $"{elapsed.TotalMilliseconds / askers:0.0} ms", "(request, answer, JSON parse and selection)");
        rows.Print();
        return 0;
    }

    private static string Percent(double share) => $"{share * 100:0.00} %";
}
