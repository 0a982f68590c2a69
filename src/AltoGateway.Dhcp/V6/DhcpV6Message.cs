namespace AltoGateway.Dhcp.V6;

/// <summary>
/// A DHCPv6 message: a client/server message (<see cref="DhcpV6ClientServerMessage"/>, RFC 8415 §8) or a relay
/// message (<see cref="DhcpV6RelayMessage"/>, §9). Options are in the order they came.
/// </summary>
public abstract record DhcpV6Message
{
    /// <summary>msg-type.</summary>
    public required DhcpV6MessageType MessageType { get; init; }

    /// <summary>The options in order.</summary>
    public IReadOnlyList<DhcpV6Option> Options { get; init; } = [];

    /// <summary>The first option with <paramref name="code"/>, or null.</summary>
    public DhcpV6Option? FindOption(ushort code)
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

    /// <summary>The codes of the option request option (§21.7), empty when absent or malformed.</summary>
    public IReadOnlyList<ushort> RequestedOptions =>
        FindOption(DhcpV6OptionCode.OptionRequest) is { } option && option.TryGetCodes(out var codes) ? codes : [];
}
