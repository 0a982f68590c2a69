using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AltoGateway.Dhcp.V4;

/// <summary>
/// Reads a DHCPv4 message (RFC 2131 §2). Bad input is a <see cref="DhcpV4ReadFailure"/>, never an exception, and
/// allocations are bounded by the message size.
/// </summary>
/// <remarks>
/// Decisions where the RFCs leave room:
/// <list type="bullet">
/// <item>A missing End is tolerated: the options then end where their field ends. RFC 2131 §4.1 requires End, but
/// clients that omit it exist and nothing is ambiguous without it. Octets after End are ignored (they are Pad).</item>
/// <item>Pad octets are skipped and not kept; the writer pads only after End.</item>
/// <item>Overload (52) is honoured only in the options field, and the fields are read options → 'file' → 'sname'
/// (RFC 2131 §4.1). The fields that carried options come back empty and 52 is not in the option list.</item>
/// <item>Every instance of one code is joined in that order into one option at the place of the first (RFC 3396 §7),
/// whether or not the code is known.</item>
/// <item>Options 52, 53 and 82 are checked because a server or relay acts on their structure; every other option is
/// kept as it came, and its typed accessor says whether it is well formed.</item>
/// </list>
/// </remarks>
public static class DhcpV4Reader
{
    /// <summary>Offset of 'chaddr' (RFC 2131 §2).</summary>
    public const int ClientHardwareAddressOffset = 28;

    /// <summary>Offset of 'sname'.</summary>
    public const int ServerNameOffset = 44;

    /// <summary>Offset of 'file'.</summary>
    public const int BootFileOffset = 108;

    /// <summary>Offset of the magic cookie.</summary>
    public const int MagicCookieOffset = 236;

    /// <summary>Offset of the first option: the fixed header (236) and the cookie (4).</summary>
    public const int OptionsOffset = 240;

    /// <summary>The magic cookie 99.130.83.99 (RFC 2131 §3, RFC 2132 §2).</summary>
    public const uint MagicCookie = 0x63825363;

    /// <summary>Reads <paramref name="packet"/>, one UDP payload.</summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, [NotNullWhen(true)] out DhcpV4Message? message, out DhcpV4ReadFailure failure)
    {
        message = null;
        if (packet.Length < OptionsOffset)
        {
            failure = new DhcpV4ReadFailure(DhcpV4ReadError.TruncatedHeader, packet.Length);
            return false;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(packet[MagicCookieOffset..]) != MagicCookie)
        {
            failure = new DhcpV4ReadFailure(DhcpV4ReadError.BadMagicCookie, MagicCookieOffset);
            return false;
        }

        if (packet[2] > DhcpV4Message.ClientHardwareAddressFieldLength)
        {
            failure = new DhcpV4ReadFailure(DhcpV4ReadError.HardwareAddressTooLong, 2);
            return false;
        }

        var fragments = new List<DhcpV4OptionFragment>();
        if (!TryReadField(packet, OptionsOffset, packet.Length, fragments, out failure)
            || !TryReadOverload(packet, fragments, out var overload, out failure))
        {
            return false;
        }

        var optionsFieldCount = fragments.Count;
        if (((overload & 1) != 0 && !TryReadField(packet, BootFileOffset, MagicCookieOffset, fragments, out failure))
            || ((overload & 2) != 0 && !TryReadField(packet, ServerNameOffset, BootFileOffset, fragments, out failure)))
        {
            return false;
        }

        for (var i = optionsFieldCount; i < fragments.Count; i++)
        {
            if (fragments[i].Code == DhcpV4OptionCode.OptionOverload)
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.BadOverload, fragments[i].DataOffset - 2);
                return false;
            }
        }

        fragments.RemoveAll(f => f.Code == DhcpV4OptionCode.OptionOverload);
        var options = DhcpV4OptionFragment.Join(packet, fragments, out var firstOffsets);
        if (!TryCheckKnownOptions(options, firstOffsets, out failure))
        {
            return false;
        }

        message = new DhcpV4Message
        {
            Operation = (DhcpV4Operation)packet[0],
            HardwareType = packet[1],
            HardwareAddressLength = packet[2],
            Hops = packet[3],
            TransactionId = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Seconds = BinaryPrimitives.ReadUInt16BigEndian(packet[8..]),
            Flags = BinaryPrimitives.ReadUInt16BigEndian(packet[10..]),
            ClientAddress = new IPAddress(packet.Slice(12, 4)),
            YourAddress = new IPAddress(packet.Slice(16, 4)),
            ServerAddress = new IPAddress(packet.Slice(20, 4)),
            GatewayAddress = new IPAddress(packet.Slice(24, 4)),
            ClientHardwareAddressField = packet.Slice(ClientHardwareAddressOffset, DhcpV4Message.ClientHardwareAddressFieldLength).ToArray(),
            ServerName = (overload & 2) != 0 ? ReadOnlyMemory<byte>.Empty : Field(packet[ServerNameOffset..BootFileOffset]),
            BootFile = (overload & 1) != 0 ? ReadOnlyMemory<byte>.Empty : Field(packet[BootFileOffset..MagicCookieOffset]),
            Options = options,
        };
        return true;
    }

    /// <summary>Reads a message from a trusted source; bad data throws <see cref="FormatException"/>.</summary>
    public static DhcpV4Message Read(ReadOnlySpan<byte> packet) =>
        TryRead(packet, out var message, out var failure) ? message : throw new FormatException($"Invalid DHCPv4 message: {failure}.");

    // RFC 2132 §2: code, length, data; Pad (0) and End (255) are a single octet. Every option lies wholly inside its field (RFC 2131 §4.1).
    /// <summary>'sname' or 'file' as read; the usual all-zero field is one shared array, not a copy per message.</summary>
    private static ReadOnlyMemory<byte> Field(ReadOnlySpan<byte> field) =>
        field.ContainsAnyExcept((byte)0) ? field.ToArray() : ZeroField.AsMemory(0, field.Length);

    /// <summary>Zeros as long as the longer of 'sname' (64) and 'file' (128); never written to.</summary>
    private static readonly byte[] ZeroField = new byte[128];

    private static bool TryReadField(ReadOnlySpan<byte> packet, int start, int end, List<DhcpV4OptionFragment> fragments, out DhcpV4ReadFailure failure)
    {
        var position = start;
        while (position < end)
        {
            var code = packet[position];
            if (code == DhcpV4OptionCode.End)
            {
                break;
            }

            if (code == DhcpV4OptionCode.Pad)
            {
                position++;
                continue;
            }

            if (end - position < 2 || end - position - 2 < packet[position + 1])
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.OptionLengthPastEnd, position);
                return false;
            }

            fragments.Add(new DhcpV4OptionFragment(code, position + 2, packet[position + 1]));
            position += 2 + packet[position + 1];
        }

        failure = default;
        return true;
    }

    // RFC 2132 §9.3: one octet, 1 = 'file', 2 = 'sname', 3 = both.
    private static bool TryReadOverload(ReadOnlySpan<byte> packet, List<DhcpV4OptionFragment> fragments, out int overload, out DhcpV4ReadFailure failure)
    {
        overload = 0;
        failure = default;
        foreach (var fragment in fragments)
        {
            if (fragment.Code != DhcpV4OptionCode.OptionOverload)
            {
                continue;
            }

            if (overload != 0 || fragment.Length != 1 || packet[fragment.DataOffset] is < 1 or > 3)
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.BadOverload, fragment.DataOffset - 2);
                return false;
            }

            overload = packet[fragment.DataOffset];
        }

        return true;
    }

    private static bool TryCheckKnownOptions(List<DhcpV4Option> options, List<int> firstOffsets, out DhcpV4ReadFailure failure)
    {
        failure = default;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option.Code == DhcpV4OptionCode.MessageType && option.Data.Length != 1)
            {
                failure = new DhcpV4ReadFailure(DhcpV4ReadError.BadMessageType, firstOffsets[i]);
                return false;
            }

            if (option.Code == DhcpV4OptionCode.RelayAgentInformation
                && !DhcpV4RelayAgentInformation.TryRead(option.Data, out _, out var error, out var subOffset))
            {
                failure = new DhcpV4ReadFailure(error, firstOffsets[i] + 2 + subOffset);
                return false;
            }
        }

        return true;
    }
}
