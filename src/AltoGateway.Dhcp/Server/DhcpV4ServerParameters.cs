using System.Buffers.Binary;
using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.ServerMode;

/// <summary>
/// The configuration options of an OFFER, ACK or INFORM answer: subnet mask (1), router (3), DNS servers (6),
/// domain name (15), then the ALTO options from <see cref="AltoDhcpOptions"/> (213, the URI option, 125 with the
/// peer ID), which go only to clients that ask for them in option 55 unless AlwaysSend is set. 1, 3, 6 and 15 are
/// sent whenever configured: every client needs them and some (PXE ROMs, BOOTP-era stacks) send no option 55.
/// RFC 2132 §9.8: the server "MUST try to insert the requested options in the order requested", so the options
/// the client asked for come first, in its order, the rest after them in code order; except that the subnet mask
/// always comes before the router (RFC 2132 §3.3).
/// </summary>
public sealed class DhcpV4ServerParameters(DhcpV4ServerSettings settings, int prefixLength, AltoDhcpOptions altoOptions)
{
    private readonly AltoDhcpOptions altoOptions = altoOptions ?? throw new ArgumentNullException(nameof(altoOptions));

    /// <summary>1, 3, 6 and 15 as configured: the same for every client, encoded once.</summary>
    private readonly DhcpV4Option[] configuration = Configuration(settings ?? throw new ArgumentNullException(nameof(settings)), prefixLength);

    /// <summary>The options for a client whose option 55 is <paramref name="parameterRequestList"/>; <paramref name="peerId"/> goes into 125.</summary>
    public IReadOnlyList<DhcpV4Option> For(ReadOnlySpan<byte> parameterRequestList, string? peerId)
    {
        var options = new List<DhcpV4Option>(configuration.Length + 3);
        options.AddRange(configuration);
        options.AddRange(altoOptions.ForDhcpV4(parameterRequestList, peerId));

        // A stable insertion sort by position in option 55; unrequested options keep the order above, after the requested ones.
        for (var i = 1; i < options.Count; i++)
        {
            var option = options[i];
            var rank = Rank(parameterRequestList, option.Code);
            var j = i - 1;
            for (; j >= 0 && Rank(parameterRequestList, options[j].Code) > rank; j--)
            {
                options[j + 1] = options[j];
            }

            options[j + 1] = option;
        }

        // RFC 2132 §3.3: "If both the subnet mask and the router option are specified in a DHCP reply, the subnet
        // mask option MUST be first", whatever order option 55 asked for.
        var mask = options.FindIndex(o => o.Code == DhcpV4OptionCode.SubnetMask);
        var router = options.FindIndex(o => o.Code == DhcpV4OptionCode.Router);
        if (mask > router && router >= 0)
        {
            var subnetMask = options[mask];
            options.RemoveAt(mask);
            options.Insert(router, subnetMask);
        }

        return options;
    }

    private static int Rank(ReadOnlySpan<byte> parameterRequestList, byte code) =>
        parameterRequestList.IndexOf(code) is var index and >= 0 ? index : int.MaxValue;

    private static DhcpV4Option[] Configuration(DhcpV4ServerSettings settings, int prefixLength)
    {
        var options = new List<DhcpV4Option> { SubnetMask(prefixLength) };
        if (settings.Router is { } router)
        {
            options.Add(DhcpV4Option.FromAddress(DhcpV4OptionCode.Router, router));
        }

        if (settings.DnsServers.Count > 0)
        {
            options.Add(DhcpV4Option.FromAddresses(DhcpV4OptionCode.DomainNameServer, settings.DnsServers));
        }

        if (!string.IsNullOrEmpty(settings.DomainName))
        {
            options.Add(DhcpV4Option.FromText(DhcpV4OptionCode.DomainName, settings.DomainName));
        }

        return [.. options];
    }

    /// <summary>Option 1 for a prefix length (RFC 2132 §3.3).</summary>
    public static DhcpV4Option SubnetMask(int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, prefixLength == 0 ? 0 : uint.MaxValue << (32 - prefixLength));
        return DhcpV4Option.FromAddress(DhcpV4OptionCode.SubnetMask, new IPAddress(bytes));
    }
}
