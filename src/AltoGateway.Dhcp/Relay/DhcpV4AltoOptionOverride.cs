using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Relay;

/// <summary>
/// Puts the relay's ALTO options into a server's reply. Each takes the place of the server's option with the same
/// code, or, when the server sent none, goes after the server's options (before a trailing option 82, which RFC 3046
/// §2.1 keeps last). Option 125 (RFC 3925) is merged: only the relay's enterprise's data is replaced or added, other
/// enterprises' data stays as the server sent it, in order. Every other option is kept octet for octet and in order;
/// lengths need no fixing by hand because options carry their whole value and the writer encodes each length again
/// (RFC 2132 §2; over 255 octets split per RFC 3396).
/// </summary>
public static class DhcpV4AltoOptionOverride
{
    /// <summary><paramref name="serverOptions"/> with <paramref name="altoOptions"/> in (see the class).</summary>
    public static IReadOnlyList<DhcpV4Option> Apply(IReadOnlyList<DhcpV4Option> serverOptions, IReadOnlyList<DhcpV4Option> altoOptions, uint enterpriseNumber)
    {
        ArgumentNullException.ThrowIfNull(serverOptions);
        ArgumentNullException.ThrowIfNull(altoOptions);
        if (altoOptions.Count == 0)
        {
            return serverOptions;
        }

        var pending = altoOptions.ToList();
        var result = new List<DhcpV4Option>(serverOptions.Count + pending.Count);
        foreach (var option in serverOptions)
        {
            var index = pending.FindIndex(a => a.Code == option.Code);
            if (index < 0)
            {
                result.Add(option);
                continue;
            }

            var ours = pending[index];
            pending.RemoveAt(index);
            result.Add(ours.Code == DhcpV4OptionCode.VendorIdentifyingVendorSpecific ? MergeVendorOption(option, ours, enterpriseNumber) : ours);
        }

        var at = result.Count > 0 && result[^1].Code == DhcpV4OptionCode.RelayAgentInformation ? result.Count - 1 : result.Count;
        result.InsertRange(at, pending);
        return result;
    }

    // RFC 3925 §4: one option 125 carries each enterprise's data once. The server's other enterprises stay; a 125 the
    // relay cannot read is replaced whole, since its data for our enterprise cannot be told apart.
    private static DhcpV4Option MergeVendorOption(DhcpV4Option server, DhcpV4Option ours, uint enterpriseNumber)
    {
        if (!DhcpV4VendorIdentifyingOption.TryRead(server.Data, out var theirs, out _)
            || !DhcpV4VendorIdentifyingOption.TryRead(ours.Data, out var mine, out _))
        {
            return ours;
        }

        var merged = new List<DhcpV4VendorData>(theirs.Count + 1);
        var replaced = false;
        foreach (var vendor in theirs)
        {
            if (vendor.EnterpriseNumber != enterpriseNumber)
            {
                merged.Add(vendor);
            }
            else if (!replaced)
            {
                merged.AddRange(mine);
                replaced = true;
            }
        }

        if (!replaced)
        {
            merged.AddRange(mine);
        }

        return DhcpV4VendorIdentifyingOption.Create(merged);
    }
}
