using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.AccessDomains;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naming;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// The zones of the discovery responder, built once from <see cref="ResponderSettings"/>: one per access
/// domain, and one per reverse apex of the public pool. Finding the zone of a question name takes one
/// dictionary probe per distinct apex length, without allocating.
/// </summary>
public sealed class ResponderZoneSet
{
    /// <summary>RFC 2181 §8: a TTL has its most significant bit clear.</summary>
    public const uint MaxTtl = int.MaxValue;

    /// <summary>The order of the U-NAPTRs (RFC 7286 §3.2 example); the preference counts up from 10 in steps of 10.</summary>
    public const ushort NaptrOrder = 100;

    private readonly Dictionary<string, ResponderZone> _byApex;
    private readonly Dictionary<string, ResponderZone>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool[] _apexLengths = new bool[DnsNameText.MaxWireLength + 1];

    private ResponderZoneSet(List<ResponderZone> zones, ushort udpPayloadSize)
    {
        Zones = zones;
        UdpPayloadSize = udpPayloadSize;
        _byApex = new Dictionary<string, ResponderZone>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            _byApex.Add(KeyOf(zone.ApexWire), zone);
            _apexLengths[zone.ApexWire.Length] = true;
        }

        _lookup = _byApex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every zone, access domains first.</summary>
    public IReadOnlyList<ResponderZone> Zones { get; }

    /// <summary>The EDNS payload size advertised and the largest UDP answer sent.</summary>
    public ushort UdpPayloadSize { get; }

    /// <summary>Whether <paramref name="levelBits"/> names reverse names of RFC 8686 §3.3 for the family (32, 24, 16, 8; 128, 64 … 32).</summary>
    public static bool IsReverseLevel(EndpointAddressType type, int levelBits) => ReverseZoneShape.IsLevel(type, levelBits);

    /// <summary>Builds the zones, or says everything that is wrong with <paramref name="settings"/>.</summary>
    public static bool TryBuild(ResponderSettings settings, [NotNullWhen(true)] out ResponderZoneSet? zoneSet, out IReadOnlyList<ResponderProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(settings);
        zoneSet = null;
        var found = new List<ResponderProblem>();
        CheckServerNames(settings, found);
        CheckNumbers(settings, found);
        var accessNaptrs = Naptrs(settings.AccessDirectoryUris, nameof(ResponderSettings.AccessDirectoryUris), found);
        var reverseNaptrs = Naptrs(settings.ReverseDirectoryUris, nameof(ResponderSettings.ReverseDirectoryUris), found);
        if (settings.AccessDomains.Count == 0 && settings.ReversePrefixes.Count == 0)
        {
            found.Add(new ResponderProblem("", "nothing to serve: no access domain and no reverse prefix"));
        }

        if (settings.AccessDomains.Count > 0 && settings.AccessDirectoryUris.Count == 0)
        {
            found.Add(new ResponderProblem(nameof(ResponderSettings.AccessDirectoryUris), "no directory URI for the access domains to point at"));
        }

        if (settings.ReversePrefixes.Count > 0 && settings.ReverseDirectoryUris.Count == 0)
        {
            found.Add(new ResponderProblem(nameof(ResponderSettings.ReverseDirectoryUris), "no directory URI for the reverse names to point at"));
        }

        var zones = new List<ResponderZone>();
        var apexes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.AccessDomains.Count; i++)
        {
            var name = settings.AccessDomains[i].Name;
            var key = $"{nameof(ResponderSettings.AccessDomains)}:{i}";
            if (name is null)
            {
                found.Add(new ResponderProblem(key, "is not a checked access domain name"));
            }
            else if (IsReverseName(name))
            {
                found.Add(new ResponderProblem(key, $"'{name}' lies in the reverse tree, which the reverse prefixes describe"));
            }
            else if (!apexes.Add(name))
            {
                found.Add(new ResponderProblem(key, $"'{name}' is listed twice"));
            }
            else if (accessNaptrs is not null)
            {
                zones.Add(ResponderZone.ForAccessDomain(name, accessNaptrs, settings));
            }
        }

        var shapes = ReverseShapes(settings, found);
        if (found.Count > 0)
        {
            problems = found;
            return false;
        }

        zones.AddRange(shapes.Select(shape => ResponderZone.ForReverse(shape, reverseNaptrs!, settings)));
        zoneSet = new ResponderZoneSet(zones, settings.UdpPayloadSize);
        problems = [];
        return true;
    }

    /// <summary>
    /// The most specific zone whose apex is a suffix of <paramref name="lowerName"/> (lower-case wire form), with
    /// the offset at which the apex starts; <paramref name="labelStarts"/> holds the offset of every label.
    /// </summary>
    internal ResponderZone? Find(ReadOnlySpan<byte> lowerName, ReadOnlySpan<byte> labelStarts, out int apexOffset)
    {
        Span<char> key = stackalloc char[DnsNameText.MaxWireLength];
        for (var i = 0; i < lowerName.Length; i++)
        {
            key[i] = (char)lowerName[i];
        }

        foreach (var start in labelStarts)
        {
            var length = lowerName.Length - start;
            if (_apexLengths[length] && _lookup.TryGetValue(key.Slice(start, length), out var zone))
            {
                apexOffset = start;
                return zone;
            }
        }

        apexOffset = 0;
        return null;
    }

    private static string KeyOf(byte[] wire) => string.Create(wire.Length, wire, static (chars, bytes) =>
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }
    });

    private static bool IsReverseName(string name) =>
        name.EndsWith("." + ReverseDnsName.Ipv4Suffix, StringComparison.Ordinal) || name == ReverseDnsName.Ipv4Suffix
        || name.EndsWith("." + ReverseDnsName.Ipv6Suffix, StringComparison.Ordinal) || name == ReverseDnsName.Ipv6Suffix
        || name == "arpa.";

    private static void CheckServerNames(ResponderSettings settings, List<ResponderProblem> found)
    {
        foreach (var (key, value) in new[] { (nameof(settings.NameServer), settings.NameServer), (nameof(settings.Hostmaster), settings.Hostmaster) })
        {
            if (!AccessDomainName.TryCreate(value, out _, out var error))
            {
                found.Add(new ResponderProblem(key, $"'{value}' is not a domain name ({error})"));
            }
        }
    }

    private static void CheckNumbers(ResponderSettings settings, List<ResponderProblem> found)
    {
        foreach (var (key, value) in new[]
        {
            (nameof(settings.RecordTtl), settings.RecordTtl), (nameof(settings.NegativeTtl), settings.NegativeTtl),
            (nameof(settings.Refresh), settings.Refresh), (nameof(settings.Retry), settings.Retry), (nameof(settings.Expire), settings.Expire),
        })
        {
            if (value > MaxTtl)
            {
                found.Add(new ResponderProblem(key, $"{value} s exceeds {MaxTtl} s (RFC 2181 §8)"));
            }
        }

        if (settings.UdpPayloadSize < DnsMessageWriter.PlainUdpLimit)
        {
            found.Add(new ResponderProblem(nameof(settings.UdpPayloadSize), $"must be at least {DnsMessageWriter.PlainUdpLimit} (RFC 6891 §6.2.5)"));
        }
    }

    /// <summary>
    /// The U-NAPTRs for the URIs, in their order: <c>100 10 "u" "ALTO:https" "!.*!URI!" ""</c>, preference 10, 20, …
    /// (RFC 7286 §3.2), each checked by the U-NAPTR reader a client would use.
    /// </summary>
    private static NaptrRecord[]? Naptrs(IReadOnlyList<string> uris, string setting, List<ResponderProblem> found)
    {
        var records = new NaptrRecord[uris.Count];
        var ok = true;
        for (var i = 0; i < uris.Count; i++)
        {
            var key = $"{setting}:{i}";
            var uri = uris[i] ?? "";
            var scheme = uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https" : "http";

            // RFC 3402 §3.2: the delimiter and the backslash are escaped inside the substitution.
            var regexp = "!.*!" + uri.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("!", "\\!", StringComparison.Ordinal) + "!";
            var preference = (ushort)Math.Min(ushort.MaxValue, 10 * (i + 1));
            var record = new NaptrRecord(NaptrOrder, preference, "u", UNaptrServiceParameter.AltoServiceTag + ":" + scheme, regexp, "");
            if (regexp.Length > 255 || uri.AsSpan().ContainsAnyExceptInRange(' ', '~'))
            {
                found.Add(new ResponderProblem(key, $"'{uri}' does not fit a NAPTR regexp (printable ASCII, at most 250 characters)"));
                ok = false;
            }
            else if (!UNaptrTarget.TryFrom(record, out var target, out var error) || target.Uri.OriginalString != uri)
            {
                found.Add(new ResponderProblem(key, $"'{uri}' is not an absolute http(s) URI a U-NAPTR can carry ({error})"));
                ok = false;
            }

            records[i] = record;
        }

        return ok ? records : null;
    }

    private static List<ReverseZoneShape> ReverseShapes(ResponderSettings settings, List<ResponderProblem> found)
    {
        foreach (var (type, key, level) in new[]
        {
            (EndpointAddressType.Ipv4, nameof(settings.Ipv4ReverseLevel), settings.Ipv4ReverseLevel),
            (EndpointAddressType.Ipv6, nameof(settings.Ipv6ReverseLevel), settings.Ipv6ReverseLevel),
        })
        {
            if (!ReverseZoneShape.IsLevel(type, level))
            {
                var levels = type == EndpointAddressType.Ipv4 ? "32, 24, 16 or 8" : "128, 64, 56, 48, 40 or 32";
                found.Add(new ResponderProblem(key, $"{level} is no RFC 8686 §3.3 name; use {levels}"));
            }
        }

        var byApex = new Dictionary<(EndpointAddressType, UInt128, int), List<AddressPrefix>>();
        var order = new List<(EndpointAddressType, UInt128, int)>();
        for (var i = 0; i < settings.ReversePrefixes.Count; i++)
        {
            var prefix = settings.ReversePrefixes[i];
            var key = $"{nameof(settings.ReversePrefixes)}:{i}";
            var level = prefix.Type == EndpointAddressType.Ipv4 ? settings.Ipv4ReverseLevel : settings.Ipv6ReverseLevel;
            if (!XdomdiscNames.TryCompute(prefix, out var names, out var error))
            {
                found.Add(new ResponderProblem(key, error == ReverseNameError.UnsupportedPrefixLength
                    ? $"{prefix} is shorter than RFC 8686 §3.2 supports (/{XdomdiscNames.MinimumIpv4PrefixLength} for IPv4, /{XdomdiscNames.MinimumIpv6PrefixLength} for IPv6)"
                    : $"{prefix} has no reverse names ({error})"));
                continue;
            }

            // The first name XDOMDISC asks for an address of the prefix (RFC 8686 Table 1): a NAPTR at a shorter
            // level would also answer for addresses outside the prefix.
            var finest = names[0].Bits;
            if (ReverseZoneShape.IsLevel(prefix.Type, level) && level < finest)
            {
                found.Add(new ResponderProblem(key, string.Create(CultureInfo.InvariantCulture,
                    $"{prefix} published at R{level} would also name addresses outside it; its level must be {finest} or longer")));
                continue;
            }

            var clash = -1;
            for (var j = 0; j < i && clash < 0; j++)
            {
                clash = settings.ReversePrefixes[j].Type == prefix.Type && Overlap(settings.ReversePrefixes[j], prefix) ? j : -1;
            }

            if (clash >= 0)
            {
                found.Add(new ResponderProblem(key, $"{prefix} overlaps {settings.ReversePrefixes[clash]} of {nameof(settings.ReversePrefixes)}:{clash}"));
                continue;
            }

            if (!ReverseZoneShape.IsLevel(prefix.Type, level))
            {
                continue;
            }

            var apexBits = ReverseZoneShape.ApexBitsOf(prefix, level);
            var apex = (prefix.Type, prefix.Network & AddressPrefix.MaskOf(prefix.Type, apexBits), apexBits);
            if (!byApex.TryGetValue(apex, out var group))
            {
                byApex[apex] = group = [];
                order.Add(apex);
            }

            group.Add(prefix);
        }

        return order.Select(apex => byApex[apex]).Select(group => ReverseZoneShape.For(group,
            group[0].Type == EndpointAddressType.Ipv4 ? settings.Ipv4ReverseLevel : settings.Ipv6ReverseLevel)).ToList();
    }

    private static bool Overlap(AddressPrefix a, AddressPrefix b)
    {
        var mask = AddressPrefix.MaskOf(a.Type, Math.Min(a.Length, b.Length));
        return (a.Network & mask) == (b.Network & mask);
    }
}
