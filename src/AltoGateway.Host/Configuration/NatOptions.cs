using System.ComponentModel.DataAnnotations;
using System.Net;
using AltoGateway.Nat;
using AltoGateway.Nat.Map;
using Microsoft.Extensions.Options;

namespace AltoGateway.Host.Configuration;

/// <summary>The <c>Nat</c> section: the NAT map's memory budget and its feeds.</summary>
internal sealed class NatOptions : IValidatableObject
{
    public const string SectionName = "Nat";

    /// <summary>Memory the NAT map may use; 64 bytes a mapping (64 MiB holds about a million).</summary>
    [Range(64 * 1024, 8L * 1024 * 1024 * 1024)]
    public long MemoryBudgetBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Static mappings, for port forwards and servers behind the NAT.</summary>
    public IList<StaticMappingOptions> Static { get; set; } = [];

    /// <summary>RFC 7422 deterministic CGN plans.</summary>
    public IList<PortBlockPlanOptions> PortBlocks { get; set; } = [];

    /// <summary>The conntrack feed (Linux connection tracking over netlink).</summary>
    [ValidateObjectMembers]
    public ConntrackOptions Conntrack { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < PortBlocks.Count; i++)
        {
            var problems = new List<string>();
            PortBlocks[i].TryCreatePlan(problems);
            foreach (var problem in problems)
            {
                var colon = problem.IndexOf(": ", StringComparison.Ordinal);
                yield return colon > 0 && !problem.AsSpan(0, colon).Contains(' ')
                    ? new ValidationResult(problem[(colon + 2)..], [$"PortBlocks:{i}:{problem[..colon]}"])
                    : new ValidationResult(problem, [$"PortBlocks:{i}"]);
            }
        }

        var seen = new Dictionary<(NatProtocol, IPEndPoint), int>();
        for (var i = 0; i < Static.Count; i++)
        {
            var entry = Static[i];
            var key = $"Static:{i}";
            var ok = true;
            if (!StaticMappingOptions.TryParseProtocol(entry.Protocol, out var protocol))
            {
                yield return new ValidationResult($"'{entry.Protocol}' is not a protocol; use tcp, udp or sctp", [$"{key}:Protocol"]);
                ok = false;
            }

            if (!StaticMappingOptions.TryParseEndpoint(entry.Internal, out _))
            {
                yield return new ValidationResult($"'{entry.Internal}' is not ADDRESS:PORT (IPv6 in brackets, port 1-65535)", [$"{key}:Internal"]);
                ok = false;
            }

            if (!StaticMappingOptions.TryParseEndpoint(entry.External, out var external))
            {
                yield return new ValidationResult($"'{entry.External}' is not ADDRESS:PORT (IPv6 in brackets, port 1-65535)", [$"{key}:External"]);
                ok = false;
            }

            if (ok && !seen.TryAdd((protocol, external!), i))
            {
                yield return new ValidationResult($"{entry.Protocol} {entry.External} is already mapped by Static:{seen[(protocol, external!)]}", [$"{key}:External"]);
            }
        }
    }
}

/// <summary>The <c>Nat:Conntrack</c> section.</summary>
internal sealed class ConntrackOptions
{
    /// <summary>Learn NAT mappings from the kernel (needs CAP_NET_ADMIN). Off in the embedded default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Netlink receive buffer; the kernel drops events (and we resynchronise) when it overflows.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int ReceiveBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The network namespace of the NAT when it is not the agent's: a name under /run/netns or an
    /// absolute path (/proc/PID/ns/net). Entering it needs CAP_SYS_ADMIN. Empty: the agent's own.
    /// </summary>
    public string NetworkNamespace { get; set; } = string.Empty;
}

/// <summary>One static mapping: <c>{"Protocol": "tcp", "Internal": "192.168.1.10:6881", "External": "203.0.113.5:6881"}</c>.</summary>
internal sealed class StaticMappingOptions
{
    public string Protocol { get; set; } = "tcp";

    public string Internal { get; set; } = string.Empty;

    public string External { get; set; } = string.Empty;

    /// <summary>The mapping this entry describes, when every part of it parses.</summary>
    public bool TryGetMapping(out NatMapping mapping)
    {
        if (TryParseProtocol(Protocol, out var protocol) && TryParseEndpoint(Internal, out var inside) && TryParseEndpoint(External, out var outside))
        {
            mapping = new NatMapping(protocol, inside!.Address, (ushort)inside.Port, outside!.Address, (ushort)outside.Port, NatMappingSource.Static);
            return true;
        }

        mapping = default;
        return false;
    }

    public static bool TryParseProtocol(string? text, out NatProtocol protocol)
    {
        protocol = text?.ToLowerInvariant() switch
        {
            "tcp" => NatProtocol.Tcp,
            "udp" => NatProtocol.Udp,
            "sctp" => NatProtocol.Sctp,
            _ => 0,
        };
        return protocol != 0;
    }

    public static bool TryParseEndpoint(string? text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        return !string.IsNullOrWhiteSpace(text)
            && text.Contains(':', StringComparison.Ordinal)
            && (!text.Contains('[', StringComparison.Ordinal) || text.Contains("]:", StringComparison.Ordinal))
            && (text.Count(c => c == ':') == 1 || text.StartsWith('['))
            && IPEndPoint.TryParse(text, out endpoint)
            && endpoint.Port is > 0 and <= 65535;
    }
}

[OptionsValidator]
internal sealed partial class NatOptionsValidator : IValidateOptions<NatOptions>;
