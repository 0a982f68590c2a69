using System.Net;
using System.Net.Sockets;
using AltoGateway.Alto.Addressing;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// The name servers of a resolv.conf text (resolv.conf(5)): "nameserver ADDRESS" lines in order, '#' and ';'
/// starting comments. Pure: the caller reads the file. Lines it does not understand are skipped, as the C library does.
/// </summary>
public sealed class ResolvConf
{
    /// <summary>Where the system keeps it.</summary>
    public const string SystemPath = "/etc/resolv.conf";

    private ResolvConf(IReadOnlyList<IPAddress> nameservers) => Nameservers = nameservers;

    /// <summary>The name servers, in the order listed; IPv6 link-local ones keep their "%interface" scope.</summary>
    public IReadOnlyList<IPAddress> Nameservers { get; }

    /// <summary>Parses the text of a resolv.conf.</summary>
    public static ResolvConf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var servers = new List<IPAddress>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var comment = line.IndexOfAny(['#', ';']);
            if (comment >= 0)
            {
                line = line[..comment];
            }

            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "nameserver" && TryParseAddress(fields[1], out var address))
            {
                servers.Add(address);
            }
        }

        return new ResolvConf(servers);
    }

    /// <summary>Reads <paramref name="path"/>; an unreadable file has no name servers.</summary>
    public static async Task<ResolvConf> ReadAsync(string path = SystemPath, CancellationToken cancellationToken = default)
    {
        try
        {
            return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ResolvConf([]);
        }
    }

    // IPv4 strictly dotted-quad (IPAddress.TryParse would take "1" as 0.0.0.1); IPv6 with an optional scope.
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        if (TypedEndpointAddress.TryParseAddress(EndpointAddressType.Ipv4, text, out var v4))
        {
            address = new TypedEndpointAddress(EndpointAddressType.Ipv4, v4).ToIPAddress();
            return true;
        }

        return IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
