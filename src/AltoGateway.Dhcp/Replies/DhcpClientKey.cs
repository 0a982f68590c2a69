using System.Net;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// Who sent a message, for per-client limits: the DHCPv4 client as the lease table keys it (RFC 2131 §4.2,
/// <see cref="ClientIdentity.KeysClient"/>: option 61, else htype and 'chaddr', the same bytes either way, so one
/// client has one key with and without option 61), the DHCPv6 Client Identifier's DUID or else the source address.
/// Prefixed by the version so the two never collide.
/// </summary>
public static class DhcpClientKey
{
    /// <summary>"v4:" and the client's identity in hex (type or htype first).</summary>
    public static string ForV4(DhcpV4Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var identifier = message.FindOption(DhcpV4OptionCode.ClientIdentifier) is { } option ? option.Data.Span : default;
        if (ClientIdentity.KeysClient(identifier))
        {
            return "v4:" + Convert.ToHexStringLower(identifier);
        }

        Span<byte> hardware = stackalloc byte[17]; // htype + chaddr (at most 16 octets, RFC 2131 §2)
        var address = message.ClientHardwareAddress.Span;
        hardware[0] = message.HardwareType;
        address[..Math.Min(address.Length, 16)].CopyTo(hardware[1..]);
        return "v4:" + Convert.ToHexStringLower(hardware[..(1 + Math.Min(address.Length, 16))]);
    }

    /// <summary>"v6:duid:…" in hex, or "v6:addr:ADDRESS".</summary>
    public static string ForV6(DhcpV6Message message, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(source);
        return message.FindOption(DhcpV6OptionCode.ClientId) is { Data.Length: > 0 } id
            ? "v6:duid:" + Convert.ToHexStringLower(id.Data.Span)
            : "v6:addr:" + source;
    }
}
