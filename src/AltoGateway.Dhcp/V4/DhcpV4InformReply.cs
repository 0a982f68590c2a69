using System.Net;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Shapes the DHCPACK that answers a DHCPINFORM (RFC 2131 §3.4, §4.3.5): the client already has its address, so
/// nothing is allocated, no lease time is sent and 'yiaddr' stays 0.
/// </summary>
public static class DhcpV4InformReply
{
    /// <summary>The server port a relay listens on, and the client port (RFC 2131 §4.1).</summary>
    public const int ServerPort = 67;

    /// <summary>The client port (RFC 2131 §4.1).</summary>
    public const int ClientPort = 68;

    // RFC 2131 §4.3.5 and Table 3: no lease time (51) nor T1/T2 (58/59) in an answer to INFORM; 50, 55, 57 and 61
    // are the client's. 53 and 54 are set here, 82 is echoed here (RFC 3046 §2.2), 52 is the writer's.
    private static readonly byte[] NotFromParameters =
    [
        DhcpV4OptionCode.RequestedIpAddress, DhcpV4OptionCode.LeaseTime, DhcpV4OptionCode.OptionOverload,
        DhcpV4OptionCode.MessageType, DhcpV4OptionCode.ServerIdentifier, DhcpV4OptionCode.ParameterRequestList,
        DhcpV4OptionCode.MaximumMessageSize, DhcpV4OptionCode.RenewalTime, DhcpV4OptionCode.RebindingTime,
        DhcpV4OptionCode.ClientIdentifier, DhcpV4OptionCode.RelayAgentInformation,
    ];

    /// <summary>
    /// The DHCPACK for <paramref name="inform"/>: 53 = ACK and 54 first, then <paramref name="parameters"/> in their
    /// order (less the options an INFORM answer must not carry), then the request's option 82 echoed last.
    /// 'xid', 'flags', 'ciaddr', 'giaddr' and 'chaddr' come from the request (RFC 2131 Table 3).
    /// </summary>
    public static DhcpV4Message Create(DhcpV4Message inform, IPAddress serverIdentifier, IEnumerable<DhcpV4Option> parameters)
    {
        ArgumentNullException.ThrowIfNull(inform);
        ArgumentNullException.ThrowIfNull(parameters);
        var options = new List<DhcpV4Option>
        {
            new(DhcpV4OptionCode.MessageType, new[] { (byte)DhcpV4MessageType.Ack }),
            DhcpV4Option.FromAddress(DhcpV4OptionCode.ServerIdentifier, serverIdentifier),
        };
        options.AddRange(parameters.Where(p => !NotFromParameters.Contains(p.Code)));
        return inform.ReplyWith(inform.ClientAddress, IPAddress.Any, inform.Flags, options);
    }

    /// <summary>
    /// Where the answer goes (RFC 2131 §4.1, §4.3.5): to the relay's server port when 'giaddr' is set, else to
    /// 'ciaddr' at the client port, else (a client that left 'ciaddr' empty) broadcast.
    /// </summary>
    public static IPEndPoint Destination(DhcpV4Message inform)
    {
        ArgumentNullException.ThrowIfNull(inform);
        if (!inform.GatewayAddress.Equals(IPAddress.Any))
        {
            return new IPEndPoint(inform.GatewayAddress, ServerPort);
        }

        return new IPEndPoint(inform.ClientAddress.Equals(IPAddress.Any) ? IPAddress.Broadcast : inform.ClientAddress, ClientPort);
    }
}
