namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Option 82 along the path client → relay → server → relay → client (RFC 3046 §2.1–2.2). Every other option is
/// passed on unchanged, in order, octet for octet.
/// </summary>
public static class DhcpV4RelayAgentOption
{
    /// <summary>
    /// A request that arrived with 'giaddr' 0 yet carries option 82: from an untrusted circuit the relay MUST drop
    /// it (RFC 3046 §2.1); from a trusted one it forwards it without adding a second option 82.
    /// </summary>
    public static bool CarriesOptionWithoutGatewayAddress(DhcpV4Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GatewayAddress.Equals(System.Net.IPAddress.Any) && request.FindOption(DhcpV4OptionCode.RelayAgentInformation) is not null;
    }

    /// <summary>
    /// The relay's side (RFC 3046 §2.1): <paramref name="request"/> with option 82 added after every other option,
    /// so that it is written last, just before End. False, and the request unchanged, when it already has one:
    /// a relay never adds a second option 82.
    /// </summary>
    public static bool TryAddToRequest(DhcpV4Message request, DhcpV4RelayAgentInformation information, out DhcpV4Message forwarded)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(information);
        forwarded = request;
        if (request.FindOption(DhcpV4OptionCode.RelayAgentInformation) is not null)
        {
            return false;
        }

        forwarded = request with { Options = [.. request.Options, information.ToOption()] };
        return true;
    }

    /// <summary>
    /// The server's side (RFC 3046 §2.2): <paramref name="reply"/> with the request's option 82 copied, unchanged,
    /// as its last option. A request without option 82 gives a reply without one.
    /// </summary>
    public static DhcpV4Message EchoInReply(DhcpV4Message request, DhcpV4Message reply)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        var stripped = reply.FindOption(DhcpV4OptionCode.RelayAgentInformation) is null ? reply : reply.WithoutOption(DhcpV4OptionCode.RelayAgentInformation);
        return request.FindOption(DhcpV4OptionCode.RelayAgentInformation) is { } option
            ? stripped with { Options = [.. stripped.Options, option] }
            : stripped;
    }

    /// <summary>
    /// The relay's side again (RFC 3046 §2.1): the reply to forward to the client, without option 82, and the
    /// option 82 the server echoed (null when there was none) so the relay can find the circuit.
    /// </summary>
    public static DhcpV4Message StripFromReply(DhcpV4Message reply, out DhcpV4RelayAgentInformation? echoed)
    {
        ArgumentNullException.ThrowIfNull(reply);
        echoed = reply.TryGetRelayAgentInformation(out var information) ? information : null;
        return reply.WithoutOption(DhcpV4OptionCode.RelayAgentInformation);
    }
}
