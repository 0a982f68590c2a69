using System.Globalization;
using System.Net;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// DESIGN.md's swarm example, shared by the swarm benchmark (tests/AltoGateway.Benchmarks, linked)
/// and its CI test (tests/AltoGateway.IntegrationTests): <see cref="Peers"/> CGN subscribers of one
/// RFC 7422 port-block plan; peers 0 to <see cref="Close"/> sit in the PID "near"
/// (100.64.0.0/24), all others in "far". Seen from an asking peer of "near", the other near peers
/// are its close peers. DESIGN.md's figures (36.4 %, 99.7 %) are the hypergeometric odds for
/// 10,000 peers besides the asking one (<c>new SwarmModel(others: 10_000, close: 100)</c>, 10,001
/// subscribers in all; with 9,999 others they would be 36.416 % and 99.678 %). Also the agent
/// configuration that serves the example (built-in ALTO server, CGN proxy), the exact shares of a
/// random tracker list, and the ALTO-ranked selection. BCL only: every test project compiles this file.
/// </summary>
internal sealed class SwarmModel
{
    /// <summary>The RFC 7422 plan of the agent: 16,384 subscribers, 16 per public address, 4,032 ports each.</summary>
    public const string InsidePrefix = "100.64.0.0/18";

    public const string OutsidePool = "198.18.0.0/22";

    public const int CompressionRatio = 16;

    public const ushort FirstUnreservedPort = 1024;

    /// <summary>Request bodies of up to 1 MiB: one ECS names all 10,000 other peers of the swarm.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Subscribers outside the plan with static mappings (internal 100.65.0.N:6881, external <see cref="StaticPublicAddress"/>:4000N).</summary>
    public const int StaticMappings = 4;

    public const string StaticPublicAddress = "203.0.113.9";

    /// <param name="others">The peers an asking peer may be given (DESIGN.md's swarm of 10,000): all but itself.</param>
    /// <param name="close">How many of them share the asking peer's PID (100).</param>
    public SwarmModel(int others, int close)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(close, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(others, close);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(close + 1, 254);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(others - close, 16_384 - 256);
        Others = others;
        Close = close;
    }

    /// <summary>The peers an asking peer may be given: everyone but itself.</summary>
    public int Others { get; }

    /// <summary>Close peers of an asking peer of "near": the other <see cref="Close"/> members of its PID.</summary>
    public int Close { get; }

    /// <summary>All subscribers of the model: the others and one asking peer (any of "near" may ask).</summary>
    public int Peers => Others + 1;

    /// <summary>Whether the peer is in the PID "near".</summary>
    public bool IsNear(int peer) => peer <= Close;

    /// <summary>The subscriber's internal address: 100.64.0.1… for "near", 100.64.1.0… for "far".</summary>
    public IPAddress Address(int peer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(peer, Peers);
        var value = IsNear(peer) ? 0x6440_0001u + (uint)peer : 0x6440_0100u + (uint)(peer - Close - 1);
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    /// <summary>The internal address of a statically mapped subscriber (1 to <see cref="StaticMappings"/>) and its public name.</summary>
    public static (string Internal, string Public) StaticMapping(int number) =>
        ($"100.65.0.{number.ToString(CultureInfo.InvariantCulture)}", $"altogwipv4port:{StaticPublicAddress}:{(40_000 + number).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Every peer's name as a tracker knows it, from <paramref name="publicEndpoint"/> (the plan's block of an internal address).</summary>
    public string[] PublicNames(Func<IPAddress, (IPAddress Address, ushort Port)> publicEndpoint)
    {
        ArgumentNullException.ThrowIfNull(publicEndpoint);
        return [.. Enumerable.Range(0, Peers).Select(p => publicEndpoint(Address(p))).Select(e => $"altogwipv4port:{e.Address}:{e.Port.ToString(CultureInfo.InvariantCulture)}")];
    }

    /// <summary>An ECS body (ordinal or numerical routing cost) from one source to the destinations.</summary>
    public static string CostRequest(string costMode, string src, IEnumerable<string> dsts) =>
        $$$"""{"cost-type":{"cost-mode":"{{{costMode}}}","cost-metric":"routingcost"},"endpoints":{"srcs":["{{{src}}}"],"dsts":[{{{string.Join(",", dsts.Select(d => $"\"{d}\""))}}}]}}""";

    /// <summary>
    /// The agent's configuration file: listeners (the WAN one with its per-tracker rate limit raised
    /// from 50/s to 1,000,000/s: the one tracker here is a benchmark), the port-block plan and static mappings, the
    /// built-in ALTO server's PIDs (near 1 inside, far 10 across) and the proxy in CGN mode with the
    /// built-in server as its upstream.
    /// </summary>
    public static string AgentConfiguration(int lanPort, int wanPort)
    {
        var statics = string.Join(",\n", Enumerable.Range(1, StaticMappings).Select(n =>
            $$"""      { "Protocol": "tcp", "Internal": "{{StaticMapping(n).Internal}}:6881", "External": "{{StaticPublicAddress}}:{{40_000 + n}}" }"""));
        return $$"""
            {
              "Http": {
                "Lan": { "Urls": [ "http://127.0.0.1:{{lanPort}}" ] },
                "Wan": {
                  "Urls": [ "http://127.0.0.1:{{wanPort}}" ],
                  "Access": { "RateLimit": { "RequestsPerSecond": 1000000, "Burst": 1000000 } }
                },
                "MaxRequestBodyBytes": {{MaxRequestBodyBytes}}
              },
              "Nat": {
                "Static": [
            {{statics}}
                ],
                "PortBlocks": [ {
                  "InsidePrefix": "{{InsidePrefix}}", "OutsidePool": [ "{{OutsidePool}}" ], "CompressionRatio": {{CompressionRatio}},
                  "DynamicPoolFactor": 0, "ReservedPorts": "0-{{FirstUnreservedPort - 1}}", "Algorithm": "sequential" } ]
              },
              "Alto": {
                "Pids": { "near": [ "100.64.0.0/24" ], "far": [ "100.64.0.0/10" ], "world": [ "0.0.0.0/0", "::/0" ] },
                "Costs": {
                  "near": { "near": 1, "far": 10, "world": 100 },
                  "far": { "near": 10, "far": 1, "world": 100 },
                  "world": { "near": 100, "far": 100, "world": 100 }
                }
              },
              "Proxy": { "Mode": "Cgn" }
            }
            """;
    }

    /// <summary>
    /// P(X = k) of the hypergeometric distribution: k close peers in a list of <paramref name="draws"/>
    /// drawn without replacement from <paramref name="population"/> peers of which <paramref name="successes"/> are close.
    /// </summary>
    public static double Hypergeometric(int population, int successes, int draws, int k) =>
        Math.Exp(LogChoose(successes, k) + LogChoose(population - successes, draws - k) - LogChoose(population, draws));

    /// <summary>ln C(n, k) as a sum of logarithms (rounding error about 1e-13 for n = 10,000); -∞ when C(n, k) is 0.</summary>
    private static double LogChoose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }

        var sum = 0.0;
        for (var i = 1; i <= Math.Min(k, n - k); i++)
        {
            sum += Math.Log((double)(n - Math.Min(k, n - k) + i) / i);
        }

        return sum;
    }

    /// <summary>P(X ≤ k) of the same distribution.</summary>
    public static double HypergeometricAtMost(int population, int successes, int draws, int k) =>
        Enumerable.Range(0, k + 1).Sum(j => Hypergeometric(population, successes, draws, j));

    /// <summary>The exact shares of tracker lists of <paramref name="listSize"/> random peers with no close peer and with at most four.</summary>
    public (double None, double AtMostFour) ExactRandomShares(int listSize) =>
        (Hypergeometric(Others, Close, listSize, 0), HypergeometricAtMost(Others, Close, listSize, 4));

    /// <summary>
    /// Close peers in each of <paramref name="trials"/> random lists of <paramref name="listSize"/>
    /// drawn without replacement from the peers other than <paramref name="asker"/> (a near peer).
    /// </summary>
    public int[] RandomCloseCounts(int asker, int listSize, int trials, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var others = Enumerable.Range(0, Peers).Where(p => p != asker).ToArray();
        var counts = new int[trials];
        for (var trial = 0; trial < trials; trial++)
        {
            // A partial Fisher-Yates shuffle: the first listSize places hold a uniform random subset,
            // whatever order the previous trial left behind.
            for (var i = 0; i < listSize; i++)
            {
                var j = random.Next(i, others.Length);
                (others[i], others[j]) = (others[j], others[i]);
                counts[trial] += IsNear(others[i]) ? 1 : 0;
            }
        }

        return counts;
    }

    /// <summary>The <paramref name="listSize"/> cheapest names of one ECS row, ties broken at random.</summary>
    public static IReadOnlyList<string> Cheapest(IReadOnlyDictionary<string, double> row, int listSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(random);
        return [.. row.Select(pair => (pair.Key, pair.Value, Tie: random.Next())).OrderBy(e => e.Value).ThenBy(e => e.Tie).Take(listSize).Select(e => e.Key)];
    }

    /// <summary>The shares of lists with no close peer and with at most four.</summary>
    public static (double None, double AtMostFour) Shares(IReadOnlyCollection<int> closeCounts)
    {
        ArgumentNullException.ThrowIfNull(closeCounts);
        return (closeCounts.Count(c => c == 0) / (double)closeCounts.Count, closeCounts.Count(c => c <= 4) / (double)closeCounts.Count);
    }
}
