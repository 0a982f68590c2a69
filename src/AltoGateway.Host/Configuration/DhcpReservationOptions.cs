using System.ComponentModel.DataAnnotations;

namespace AltoGateway.Host.Configuration;

/// <summary>One fixed address of <c>Dhcp:Interfaces:N:Reservations</c>: for a MAC or a client identifier (option 61).</summary>
internal sealed class DhcpReservationOptions
{
    /// <summary>The client's Ethernet address, <c>00:11:22:33:44:55</c>.</summary>
    public string Mac { get; set; } = string.Empty;

    /// <summary>The client's identifier as sent in option 61, type octet first, in hex pairs: <c>ff:00:00:00:01:00:01:…</c>.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The address it always gets.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Who the reservation is for, normalised ("mac:…" or "id:…"), or null when it does not parse.</summary>
    public string? ClientKey() =>
        Mac.Length > 0 && DhcpAddressText.TryParseOctets(Mac, out var mac) && mac.Length == 6 ? "mac:" + Convert.ToHexStringLower(mac)
        : ClientId.Length > 0 && DhcpAddressText.TryParseOctets(ClientId, out var id) && id.Length is >= 2 and <= 255 ? "id:" + Convert.ToHexStringLower(id)
        : null;

    public IEnumerable<ValidationResult> Validate(string key)
    {
        if ((Mac.Length > 0) == (ClientId.Length > 0))
        {
            yield return DhcpInterfaceOptions.Problem("give either Mac or ClientId", key, nameof(Mac));
        }
        else if (Mac.Length > 0 && !(DhcpAddressText.TryParseOctets(Mac, out var mac) && mac.Length == 6))
        {
            yield return DhcpInterfaceOptions.Problem($"'{Mac}' is not a MAC address such as 00:11:22:33:44:55", key, nameof(Mac));
        }
        else if (ClientId.Length > 0 && !(DhcpAddressText.TryParseOctets(ClientId, out var id) && id.Length is >= 2 and <= 255))
        {
            yield return DhcpInterfaceOptions.Problem($"'{ClientId}' is not a client identifier: 2 to 255 hex pairs, type first (RFC 2132 §9.14)", key, nameof(ClientId));
        }

        if (!DhcpAddressText.TryParseV4(Address, out _))
        {
            yield return DhcpInterfaceOptions.Problem($"'{Address}' is not an IPv4 address", key, nameof(Address));
        }
    }
}
