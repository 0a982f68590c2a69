using AltoGateway.Dhcp.Options;
using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Dhcp.V6;

/// <summary>The Domain Search List option, 24 (RFC 3646 §4): names in uncompressed wire format, one after another.</summary>
public static class DhcpV6DomainList
{
    /// <summary>Option 24 listing <paramref name="names"/> in order of preference.</summary>
    public static DhcpV6Option Create(IReadOnlyList<AccessDomainName> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new DhcpV6Option(DhcpV6OptionCode.DomainList, names.SelectMany(DnsWireName.Encode).ToArray());
    }

    /// <summary>The names of option 24's data in order, as absolute text; false with the reason when one is malformed.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out IReadOnlyList<string> names, out DnsWireNameError error)
    {
        var list = new List<string>();
        names = list;
        error = DnsWireNameError.None;
        var position = 0;
        while (position < data.Length)
        {
            if (!DnsWireName.TryRead(data, ref position, out var name, out error))
            {
                return false;
            }

            list.Add(name);
        }

        return true;
    }
}
