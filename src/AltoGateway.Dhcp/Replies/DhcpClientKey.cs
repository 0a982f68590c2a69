using System.Net;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// Who sent a message, for per-client limits: the DHCPv4 client identifier (option 61) or else htype and
/// 'chaddr' (RFC 2131 §4.2 keys a client the same way), the DHCPv6 Client Identifier's DUID or else the source
/// address. Prefixed by the version so the two never collide.
/// </summary>
public static class DhcpClientKey
{
    /// <summary>"v4:id:…" or "v4:hw:…" in hex.</summary>
    public static string ForV4(DhcpV4Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.FindOption(DhcpV4OptionCode.ClientIdentifier) is { Data.Length: > 0 } id
            ? "v4:id:" + Convert.ToHexStringLower(id.Data.Span)
            : $"v4:hw:{message.HardwareType:x2}" + Convert.ToHexStringLower(message.ClientHardwareAddress.Span);
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
