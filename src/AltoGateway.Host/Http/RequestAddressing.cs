using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AltoGateway.Alto.Addressing;
using Microsoft.AspNetCore.Http;

namespace AltoGateway.Host.Http;

/// <summary>Who asked, and where: the client's address as ALTO names it, and the base URI of the listener it used.</summary>
internal static class RequestAddressing
{
    /// <summary>The client's address (RFC 7285 §11.5.1.3 substitutes it for an ECS without srcs); IPv4-mapped IPv6 as IPv4.</summary>
    public static TypedEndpointAddress ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return TypedEndpointAddress.FromIPAddress(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    /// <summary>
    /// "scheme://host[:port]" as the client addressed the listener (its Host header), or the local
    /// address and port when it sent none, so URIs built on it are reachable on the listener asked.
    /// </summary>
    public static string BaseUri(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Host.HasValue)
        {
            return request.Scheme + "://" + request.Host.Value;
        }

        var address = context.Connection.LocalIpAddress;
        var host = address is null ? "localhost"
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]"
            : address.ToString();
        return request.Scheme + "://" + host + ":" + context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture);
    }
}
