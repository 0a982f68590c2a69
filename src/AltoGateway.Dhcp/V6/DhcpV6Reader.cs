using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace AltoGateway.Dhcp.V6;

/// <summary>
/// Reads a DHCPv6 message (RFC 8415 §8, §9, §21.1). Bad input is a <see cref="DhcpV6ReadFailure"/>, never an
/// exception; the message is copied once and every option slices that copy, so allocations follow the size.
/// </summary>
/// <remarks>
/// The options a stateless server and a relay act on are checked here (DUIDs, ORO, Elapsed Time, Status Code,
/// Vendor-specific Information, DNS servers, Information Refresh Time) and the message inside a relay message
/// is read in full, so a length that lies anywhere fails with its reason. Domain names (24, 57) are checked by
/// their accessors; every other option is kept as it came.
/// </remarks>
public static class DhcpV6Reader
{
    /// <summary>msg-type and transaction-id (§8).</summary>
    public const int HeaderLength = 4;

    /// <summary>
    /// How deep relay messages may nest: each relay adds one level, and relays stop at HOP_COUNT_LIMIT
    /// (RFC 8415 §7.6); 32, RFC 3315's value, is more than any chain needs and bounds the recursion.
    /// </summary>
    public const int MaximumRelayNesting = 32;

    /// <summary>Reads <paramref name="wire"/>, one UDP payload.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wire, [NotNullWhen(true)] out DhcpV6Message? message, out DhcpV6ReadFailure failure) =>
        TryRead(wire.ToArray(), 0, 0, out message, out failure);

    /// <summary>Reads a message from a trusted source; bad data throws <see cref="FormatException"/>.</summary>
    public static DhcpV6Message Read(ReadOnlySpan<byte> wire) =>
        TryRead(wire, out var message, out var failure) ? message : throw new FormatException($"Invalid DHCPv6 message: {failure}.");

    private static bool TryRead(ReadOnlyMemory<byte> wire, int baseOffset, int depth, [NotNullWhen(true)] out DhcpV6Message? message, out DhcpV6ReadFailure failure)
    {
        message = null;
        var span = wire.Span;
        var isRelay = !span.IsEmpty && (DhcpV6MessageType)span[0] is DhcpV6MessageType.RelayForward or DhcpV6MessageType.RelayReply;
        var headerLength = isRelay ? DhcpV6RelayMessage.HeaderLength : HeaderLength;
        if (span.Length < headerLength)
        {
            failure = new DhcpV6ReadFailure(DhcpV6ReadError.TruncatedHeader, baseOffset);
            return false;
        }

        if (isRelay && depth >= MaximumRelayNesting)
        {
            failure = new DhcpV6ReadFailure(DhcpV6ReadError.RelayNestingTooDeep, baseOffset);
            return false;
        }

        if (!TryReadOptions(wire, headerLength, baseOffset, isRelay ? depth + 1 : -1, out var options, out failure))
        {
            return false;
        }

        if (!isRelay)
        {
            message = new DhcpV6ClientServerMessage
            {
                MessageType = (DhcpV6MessageType)span[0],
                TransactionId = (uint)((span[1] << 16) | (span[2] << 8) | span[3]),
                Options = options,
            };
            return true;
        }

        if (!options.Exists(o => o.Code == DhcpV6OptionCode.RelayMessage))
        {
            // §9.1–9.2: a relay message always carries the message it relays.
            failure = new DhcpV6ReadFailure(DhcpV6ReadError.RelayMessageMissing, baseOffset);
            return false;
        }

        message = new DhcpV6RelayMessage
        {
            MessageType = (DhcpV6MessageType)span[0],
            HopCount = span[1],
            LinkAddress = new IPAddress(span.Slice(2, 16)),
            PeerAddress = new IPAddress(span.Slice(18, 16)),
            Options = options,
        };
        return true;
    }

    // §21.1: option-code (2), option-len (2), option-data. relayDepth is -1 outside relay messages, where option 9 is kept raw.
    private static bool TryReadOptions(
        ReadOnlyMemory<byte> wire, int position, int baseOffset, int relayDepth, out List<DhcpV6Option> options, out DhcpV6ReadFailure failure)
    {
        options = [];
        var span = wire.Span;
        while (position < span.Length)
        {
            if (span.Length - position < 4 || span.Length - position - 4 < BinaryPrimitives.ReadUInt16BigEndian(span[(position + 2)..]))
            {
                failure = new DhcpV6ReadFailure(DhcpV6ReadError.OptionLengthPastEnd, baseOffset + position);
                return false;
            }

            var option = new DhcpV6Option(
                BinaryPrimitives.ReadUInt16BigEndian(span[position..]), wire.Slice(position + 4, BinaryPrimitives.ReadUInt16BigEndian(span[(position + 2)..])));
            if (!TryCheck(option, baseOffset + position, relayDepth, out failure))
            {
                return false;
            }

            options.Add(option);
            position += 4 + option.Data.Length;
        }

        failure = default;
        return true;
    }

    private static bool TryCheck(DhcpV6Option option, int offset, int relayDepth, out DhcpV6ReadFailure failure)
    {
        failure = default;
        var length = option.Data.Length;
        var error = DhcpV6ReadError.None;
        var errorOffset = offset;
        switch (option.Code)
        {
            case DhcpV6OptionCode.ClientId or DhcpV6OptionCode.ServerId:
                _ = DhcpV6Duid.TryRead(option.Data, out _, out error);
                break;
            case DhcpV6OptionCode.OptionRequest when length % 2 != 0:
                error = DhcpV6ReadError.BadOptionRequest;
                break;
            case DhcpV6OptionCode.ElapsedTime when length != 2:
                error = DhcpV6ReadError.BadElapsedTime;
                break;
            case DhcpV6OptionCode.StatusCode when length < 2:
                error = DhcpV6ReadError.BadStatusCode;
                break;
            case DhcpV6OptionCode.VendorOptions:
                if (!DhcpV6VendorOption.TryRead(option.Data, out _, out error, out var subOffset) && error == DhcpV6ReadError.SubOptionLengthPastEnd)
                {
                    errorOffset = offset + 4 + subOffset;
                }

                break;
            case DhcpV6OptionCode.DnsServers when length == 0 || length % 16 != 0:
                error = DhcpV6ReadError.BadAddressList;
                break;
            case DhcpV6OptionCode.InformationRefreshTime when length != 4:
                error = DhcpV6ReadError.BadInformationRefreshTime;
                break;
            case DhcpV6OptionCode.RelayMessage when relayDepth >= 0:
                // The relayed message is read in full, so that its own lengths are checked too (§21.10).
                return TryRead(option.Data, offset + 4, relayDepth, out _, out failure);
            default:
                break;
        }

        if (error != DhcpV6ReadError.None)
        {
            failure = new DhcpV6ReadFailure(error, errorOffset);
            return false;
        }

        return true;
    }
}
