using System.ComponentModel.DataAnnotations;

namespace AltoGateway.Host.Configuration;

/// <summary><c>Dhcp:Interfaces:N:Relay</c>: the servers a relay forwards to, and option 82 (RFC 3046).</summary>
internal sealed class DhcpRelayOptions
{
    /// <summary>The DHCP servers' IPv4 addresses; each gets every message.</summary>
    public IList<string> Servers { get; set; } = [];

    /// <summary>Add option 82 to relayed requests and strip it from replies (RFC 3046 §2.1: off by default).</summary>
    public bool AddRelayAgentInformation { get; set; }

    /// <summary>Sub-option 1, Agent Circuit ID (ASCII); empty: the interface's name.</summary>
    public string CircuitId { get; set; } = string.Empty;

    /// <summary>Sub-option 2, Agent Remote ID (ASCII); empty: not sent.</summary>
    public string RemoteId { get; set; } = string.Empty;

    /// <summary>
    /// RFC 3046 §2.1: whether requests arriving with option 82 already in them (and 'giaddr' 0) come from a trusted
    /// circuit; from an untrusted one they are dropped.
    /// </summary>
    public bool Trusted { get; set; }

    public IEnumerable<ValidationResult> Validate(string key, bool relayMode)
    {
        if (relayMode && Servers.Count == 0)
        {
            yield return DhcpInterfaceOptions.Problem("is needed in Relay mode: the DHCP servers' IPv4 addresses", key, nameof(Servers));
        }

        for (var i = 0; i < Servers.Count; i++)
        {
            if (!DhcpAddressText.TryParseV4(Servers[i], out var server) || server.Equals(System.Net.IPAddress.Any) || server.Equals(System.Net.IPAddress.Broadcast))
            {
                yield return DhcpInterfaceOptions.Problem($"'{Servers[i]}' is not a unicast IPv4 address", key, $"{nameof(Servers)}:{i}");
            }
        }

        foreach (var (value, member) in new[] { (CircuitId, nameof(CircuitId)), (RemoteId, nameof(RemoteId)) })
        {
            if (value.Length > 0 && (!System.Text.Ascii.IsValid(value) || value.Any(char.IsControl)))
            {
                yield return DhcpInterfaceOptions.Problem($"'{value}' is not printable ASCII", key, member);
            }
        }

        // RFC 3046 §2.0: option 82 holds at most 255 octets, each sub-option 2 more than its value.
        var circuit = CircuitId.Length == 0 ? 15 : CircuitId.Length; // an interface name has at most 15
        if (2 + circuit + (RemoteId.Length == 0 ? 0 : 2 + RemoteId.Length) > byte.MaxValue)
        {
            yield return DhcpInterfaceOptions.Problem("CircuitId and RemoteId together make option 82 longer than 255 octets", key, nameof(RemoteId));
        }
    }
}
