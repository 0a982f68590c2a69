using System.Net;

namespace AltoGateway.Dhcp.Options;

/// <summary>
/// Option data that is a list of addresses back to back (DHCPv4 routers and DNS servers, RFC 2132 §3.5;
/// DHCPv6 DNS servers, RFC 3646 §3): at least one, and the length a multiple of the address width.
/// </summary>
internal static class AddressListData
{
    /// <summary>The addresses of <paramref name="data"/>, <paramref name="width"/> octets each (4 or 16); false when the length does not fit.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, int width, out IReadOnlyList<IPAddress> addresses)
    {
        addresses = [];
        if (data.Length == 0 || data.Length % width != 0)
        {
            return false;
        }

        var list = new IPAddress[data.Length / width];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = new IPAddress(data.Slice(i * width, width));
        }

        addresses = list;
        return true;
    }
}
