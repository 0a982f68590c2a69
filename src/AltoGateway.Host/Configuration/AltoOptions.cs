using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.NetworkMaps;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>
/// The <c>Alto</c> section: the built-in ALTO server's network map (PID → prefixes) and its
/// routingcost between PIDs, both optional (empty means the gateway defaults,
/// <see cref="DefaultPids"/>, <see cref="DefaultCost"/>) and reloaded live; and its overload
/// limits, read at start.
/// </summary>
internal sealed class AltoOptions : IValidatableObject
{
    public const string SectionName = "Alto";

    /// <summary>PID name → prefixes ("10.0.0.0/8", "fc00::/7"); empty = <see cref="DefaultPids"/>.</summary>
    public Dictionary<string, List<string>> Pids { get; set; } = [];

    /// <summary>Source PID → destination PID → routingcost; empty = <see cref="DefaultCost"/> for every pair.</summary>
    public Dictionary<string, Dictionary<string, double>> Costs { get; set; } = [];

    /// <summary>ALTO requests answered at the same time; more wait in the queue (RFC 7285 §8.5.3: beyond it, 503).</summary>
    [Range(1, 4096)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>ALTO requests that may wait for one in progress to finish; beyond them a request is answered 503 at once.</summary>
    [Range(0, 65536)]
    public int QueueLength { get; set; } = 128;

    /// <summary>The Retry-After (seconds) of a 503 sent when the server is overloaded.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The default map: "lan" holds the private, CGN shared and ULA ranges, "world" everything else.</summary>
    public static IReadOnlyDictionary<string, List<string>> DefaultPids { get; } = new Dictionary<string, List<string>>(StringComparer.Ordinal)
    {
        ["lan"] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"],
        ["world"] = ["0.0.0.0/0", "::/0"],
    };

    /// <summary>The PIDs served: the configured ones, or the defaults.</summary>
    public IReadOnlyDictionary<string, List<string>> EffectivePids => Pids.Count > 0 ? Pids : DefaultPids;

    /// <summary>
    /// The default cost when <see cref="Costs"/> is empty: 1 inside one PID, 10 between two PIDs,
    /// but 20 from "world" to "world" (two hosts somewhere on the Internet are not close).
    /// </summary>
    public static double DefaultCost(string source, string destination) =>
        !string.Equals(source, destination, StringComparison.Ordinal) ? 10 : source == "world" ? 20 : 1;

    /// <summary>
    /// The routingcost of every defined pair: the configured ones (pairs not named are undefined and
    /// omitted, RFC 7285 §11.2.3.6), or <see cref="DefaultCost"/> for every pair.
    /// </summary>
    public Dictionary<string, Dictionary<string, double>> EffectiveCosts()
    {
        if (Costs.Count > 0)
        {
            return Costs.ToDictionary(
                row => row.Key,
                row => new Dictionary<string, double>(row.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        }

        var pids = EffectivePids.Keys.ToList();
        return pids.ToDictionary(
            s => s,
            s => pids.ToDictionary(d => d, d => DefaultCost(s, d), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>PID → address type → prefix texts (the RFC 7285 EndpointAddrGroup form); "ipv6" when the text has a ':'.</summary>
    public static Dictionary<string, Dictionary<string, List<string>>> Groups(IReadOnlyDictionary<string, List<string>> pids)
    {
        ArgumentNullException.ThrowIfNull(pids);
        var groups = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var (pid, prefixes) in pids)
        {
            var group = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var text in prefixes)
            {
                var type = TypeNameOf(text);
                if (!group.TryGetValue(type, out var list))
                {
                    group[type] = list = [];
                }

                list.Add(text);
            }

            groups[pid] = group;
        }

        return groups;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var pids = EffectivePids;
        foreach (var (pid, prefixes) in Pids)
        {
            if (prefixes.Count == 0)
            {
                yield return new ValidationResult("a PID needs at least one prefix", [$"Pids:{pid}"]);
            }

            for (var i = 0; i < prefixes.Count; i++)
            {
                var text = prefixes[i];
                var type = string.Equals(TypeNameOf(text), "ipv6", StringComparison.Ordinal) ? EndpointAddressType.Ipv6 : EndpointAddressType.Ipv4;
                if (!AddressPrefix.TryParse(type, text, out _, out var error))
                {
                    yield return new ValidationResult($"'{text}' is not an IPv4 or IPv6 prefix ({error}); expected e.g. 192.168.0.0/16 or fc00::/7", [$"Pids:{pid}:{i.ToString(CultureInfo.InvariantCulture)}"]);
                }
            }
        }

        foreach (var problem in NetworkMapValidator.Validate(Groups(pids)))
        {
            switch (problem.Kind)
            {
                case NetworkMapProblemKind.InvalidPidName:
                    yield return new ValidationResult($"'{problem.Pid}' is not a PID name (1-64 characters of A-Z a-z 0-9 - : @ _)", [$"Pids:{problem.Pid}"]);
                    break;
                case NetworkMapProblemKind.DuplicatePrefix:
                    yield return new ValidationResult($"'{problem.Value}' is also in another PID; a prefix may belong to one PID only", [$"Pids:{problem.Pid}"]);
                    break;
                case NetworkMapProblemKind.MissingIpv4Default:
                case NetworkMapProblemKind.MissingIpv6Default:
                    yield return new ValidationResult($"the map is not complete: no PID holds {problem.Value}", ["Pids"]);
                    break;
                default:
                    break; // InvalidPrefix: reported above with its index
            }
        }

        foreach (var (source, row) in Costs)
        {
            if (!pids.ContainsKey(source))
            {
                yield return new ValidationResult($"'{source}' is not a PID of the map (known: {string.Join(", ", pids.Keys)})", [$"Costs:{source}"]);
            }

            foreach (var (destination, cost) in row)
            {
                if (!pids.ContainsKey(destination))
                {
                    yield return new ValidationResult($"'{destination}' is not a PID of the map (known: {string.Join(", ", pids.Keys)})", [$"Costs:{source}:{destination}"]);
                }

                if (!double.IsFinite(cost) || cost < 0)
                {
                    yield return new ValidationResult($"cost {cost.ToString(CultureInfo.InvariantCulture)} must be a finite number, 0 or more", [$"Costs:{source}:{destination}"]);
                }
            }
        }
    }

    private static string TypeNameOf(string text) => text.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4";
}

[OptionsValidator]
internal sealed partial class AltoOptionsValidator : IValidateOptions<AltoOptions>;
