using System.CommandLine;
using System.Text.Json;

namespace AltoGateway.Host.Cli;

/// <summary>
/// <c>altogw nat lookup ADDRESS[:PORT] [--protocol tcp|udp|sctp]</c>, <c>altogw nat list [--limit N]</c>
/// and <c>altogw peer-id resolve ID</c>: questions to the running agent's NAT map.
/// </summary>
internal static class NatVerbs
{
    public static Command NatCommand(Option<FileInfo?> config, Option<string?> socket)
    {
        var nat = new Command("nat", "Ask the running agent's NAT map.");

        var target = new Argument<string>("target") { Description = "Public ADDRESS, ADDRESS:PORT or [IPv6]:PORT" };
        var protocol = new Option<string?>("--protocol", "-p") { Description = "tcp, udp or sctp (default: whichever has a mapping)" };
        var lookup = new Command("lookup", "Which subscriber is behind a public address (and port)?") { target, protocol };
        lookup.SetAction((parse, cancellation) => LookupAsync(
            Client(parse, config, socket), $"control/nat/lookup?target={Uri.EscapeDataString(parse.GetValue(target)!)}"
            + (parse.GetValue(protocol) is { } p ? $"&protocol={Uri.EscapeDataString(p)}" : string.Empty), cancellation));
        nat.Subcommands.Add(lookup);

        var limit = new Option<int>("--limit", "-n") { Description = "Most mappings to print", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List the NAT map's mappings.") { limit };
        list.SetAction((parse, cancellation) => ListAsync(Client(parse, config, socket), parse.GetValue(limit), cancellation));
        nat.Subcommands.Add(list);
        return nat;
    }

    public static Command PeerIdCommand(Option<FileInfo?> config, Option<string?> socket)
    {
        var peerId = new Command("peer-id", "Peer IDs issued by the running agent.");
        var id = new Argument<string>("id") { Description = "The peer ID a tracker was given" };
        var resolve = new Command("resolve", "Which subscriber does a peer ID name?") { id };
        resolve.SetAction((parse, cancellation) => LookupAsync(
            Client(parse, config, socket), $"control/peer-id/resolve?id={Uri.EscapeDataString(parse.GetValue(id)!)}", cancellation));
        peerId.Subcommands.Add(resolve);
        return peerId;
    }

    private static ControlClient Client(ParseResult parse, Option<FileInfo?> config, Option<string?> socket) =>
        new(parse.GetValue(socket) ?? CheckConfigVerb.ControlSocketPath(parse.GetValue(config)?.FullName));

    /// <summary>Prints "QUERY -> SUBSCRIBER (source: reason)", or "QUERY: outcome: reason" and exit 1.</summary>
    private static async Task<int> LookupAsync(ControlClient client, string path, CancellationToken cancellation)
    {
        using (client)
        {
            var failure = 0;
            using var document = await client.GetAsync(path, Console.Error, code => failure = code, cancellation).ConfigureAwait(false);
            if (document is null)
            {
                return failure;
            }

            var root = document.RootElement;
            var query = root.GetProperty("query").GetString();
            var outcome = root.GetProperty("outcome").GetString();
            var reason = root.GetProperty("reason").GetString();
            if (outcome == "found")
            {
                Console.WriteLine($"{query} -> {root.GetProperty("subscriber").GetString()} ({root.GetProperty("source").GetString()}: {reason})");
                return 0;
            }

            Console.WriteLine($"{query}: {outcome}: {reason}");
            return 1;
        }
    }

    private static async Task<int> ListAsync(ControlClient client, int limit, CancellationToken cancellation)
    {
        using (client)
        {
            var failure = 0;
            using var document = await client.GetAsync($"control/nat/list?limit={limit}", Console.Error, code => failure = code, cancellation).ConfigureAwait(false);
            if (document is null)
            {
                return failure;
            }

            var root = document.RootElement;
            var mappings = root.GetProperty("mappings");
            Console.WriteLine($"{root.GetProperty("total").GetInt32()} mappings of {root.GetProperty("subscribers").GetInt32()} subscribers; showing {mappings.GetArrayLength()}");
            var rows = mappings.EnumerateArray().Select(m => (
                Protocol: m.GetProperty("protocol").GetString()!,
                Internal: m.GetProperty("internal").GetString()!,
                External: m.GetProperty("external").GetString()!,
                Source: m.GetProperty("source").GetString()!,
                Expires: m.GetProperty("expires").ValueKind == JsonValueKind.Null ? "never" : m.GetProperty("expires").GetDateTimeOffset().ToString("u", System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var inside = rows.Count == 0 ? 0 : rows.Max(r => r.Internal.Length);
            var outside = rows.Count == 0 ? 0 : rows.Max(r => r.External.Length);
            foreach (var r in rows)
            {
                Console.WriteLine($"{r.Protocol,-4} {r.Internal.PadRight(inside)} -> {r.External.PadRight(outside)}  {r.Source,-9} expires {r.Expires}");
            }

            return 0;
        }
    }
}
