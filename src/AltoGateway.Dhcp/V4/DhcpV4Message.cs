using System.Net;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// A DHCPv4 message (RFC 2131 §2, Figure 1): the fixed BOOTP header and the options in the order they came.
/// Options that travelled in 'file' or 'sname' through overload (option 52) are in <see cref="Options"/> after
/// those of the options field (RFC 2131 §4.1), and option 52 itself is not: it describes the encoding, which the
/// writer decides again. Repeated instances of one code are joined into one option (RFC 3396 §7).
/// </summary>
public sealed record DhcpV4Message
{
    /// <summary>The broadcast bit of 'flags' (RFC 2131 §2, Figure 2).</summary>
    public const ushort BroadcastFlag = 0x8000;

    /// <summary>Size of 'chaddr' (RFC 2131 §2).</summary>
    public const int ClientHardwareAddressFieldLength = 16;

    /// <summary>Size of 'sname' (RFC 2131 §2).</summary>
    public const int ServerNameFieldLength = 64;

    /// <summary>Size of 'file' (RFC 2131 §2).</summary>
    public const int BootFileFieldLength = 128;

    /// <summary>'op'.</summary>
    public DhcpV4Operation Operation { get; init; } = DhcpV4Operation.BootRequest;

    /// <summary>'htype': 1 is Ethernet (RFC 1700 "Hardware Type").</summary>
    public byte HardwareType { get; init; } = 1;

    /// <summary>'hlen': how many octets of 'chaddr' are the address; at most 16.</summary>
    public byte HardwareAddressLength { get; init; } = 6;

    /// <summary>'hops': incremented by relays.</summary>
    public byte Hops { get; init; }

    /// <summary>'xid'.</summary>
    public uint TransactionId { get; init; }

    /// <summary>'secs'.</summary>
    public ushort Seconds { get; init; }

    /// <summary>'flags'; see <see cref="BroadcastFlag"/>.</summary>
    public ushort Flags { get; init; }

    /// <summary>'ciaddr': the client's address when it already has one (BOUND, RENEW, REBIND, INFORM).</summary>
    public IPAddress ClientAddress { get; init; } = IPAddress.Any;

    /// <summary>'yiaddr': the address the server gives the client.</summary>
    public IPAddress YourAddress { get; init; } = IPAddress.Any;

    /// <summary>'siaddr': the next server to use in bootstrap.</summary>
    public IPAddress ServerAddress { get; init; } = IPAddress.Any;

    /// <summary>'giaddr': the relay agent's address.</summary>
    public IPAddress GatewayAddress { get; init; } = IPAddress.Any;

    /// <summary>The whole 'chaddr' field as read (16 octets), or what the caller set (shorter is padded with zeros).</summary>
    public ReadOnlyMemory<byte> ClientHardwareAddressField { get; init; }

    /// <summary>'sname' as read (64 octets, NUL-padded), empty when it carried options or was not set.</summary>
    public ReadOnlyMemory<byte> ServerName { get; init; }

    /// <summary>'file' as read (128 octets, NUL-padded), empty when it carried options or was not set.</summary>
    public ReadOnlyMemory<byte> BootFile { get; init; }

    /// <summary>The options in order, without Pad, End and Overload.</summary>
    public IReadOnlyList<DhcpV4Option> Options { get; init; } = [];

    /// <summary>Whether the client asked for broadcast replies.</summary>
    public bool IsBroadcast => (Flags & BroadcastFlag) != 0;

    /// <summary>The first 'hlen' octets of 'chaddr'.</summary>
    public ReadOnlyMemory<byte> ClientHardwareAddress =>
        ClientHardwareAddressField[..Math.Min(HardwareAddressLength, ClientHardwareAddressField.Length)];

    /// <summary>Option 53, or null for a BOOTP message or one whose option 53 is not one octet.</summary>
    public DhcpV4MessageType? MessageType =>
        FindOption(DhcpV4OptionCode.MessageType) is { Data.Length: 1 } option ? (DhcpV4MessageType)option.Data.Span[0] : null;

    /// <summary>The codes of option 55 in the client's order of preference (RFC 2132 §9.8), empty when absent.</summary>
    public ReadOnlySpan<byte> ParameterRequestList =>
        FindOption(DhcpV4OptionCode.ParameterRequestList) is { } option ? option.Data.Span : [];

    /// <summary>The option with <paramref name="code"/>, or null.</summary>
    public DhcpV4Option? FindOption(byte code)
    {
        foreach (var option in Options)
        {
            if (option.Code == code)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>Option 82 parsed into its sub-options, when present and well formed.</summary>
    public bool TryGetRelayAgentInformation(out DhcpV4RelayAgentInformation information)
    {
        information = null!;
        return FindOption(DhcpV4OptionCode.RelayAgentInformation) is { } option
            && DhcpV4RelayAgentInformation.TryRead(option.Data, out information, out _, out _);
    }

    /// <summary>
    /// A BOOTREPLY to this request (RFC 2131 §4.1 and Table 3): 'htype', 'hlen', 'xid', 'giaddr' and 'chaddr'
    /// copied; 'ciaddr', 'yiaddr', 'flags' and the options given; a relay agent's option 82 echoed last
    /// (RFC 3046 §2.2). Every reply a server or INFORM responder makes starts here.
    /// </summary>
    public DhcpV4Message ReplyWith(IPAddress clientAddress, IPAddress yourAddress, ushort flags, IReadOnlyList<DhcpV4Option> options)
    {
        ArgumentNullException.ThrowIfNull(clientAddress);
        ArgumentNullException.ThrowIfNull(yourAddress);
        ArgumentNullException.ThrowIfNull(options);
        var reply = new DhcpV4Message
        {
            Operation = DhcpV4Operation.BootReply,
            HardwareType = HardwareType,
            HardwareAddressLength = HardwareAddressLength,
            TransactionId = TransactionId,
            Flags = flags,
            ClientAddress = clientAddress,
            YourAddress = yourAddress,
            GatewayAddress = GatewayAddress,
            ClientHardwareAddressField = ClientHardwareAddressField,
            Options = options,
        };
        return DhcpV4RelayAgentOption.EchoInReply(this, reply);
    }

    /// <summary>A copy without the option <paramref name="code"/>; every other option unchanged and in order.</summary>
    public DhcpV4Message WithoutOption(byte code) => this with { Options = [.. Options.Where(o => o.Code != code)] };
}
