using System.Buffers;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Replies;

/// <summary>
/// Encodes a reply within what the client accepts (<see cref="DhcpV4Writer.MaximumReplyLength"/>: 576 octets, RFC 2131
/// §2, unless its option 57 says more, RFC 2132 §9.10), leaving options out when the whole reply does not fit, even
/// with overload: first the options the client did not ask for, the last one first, then those it asked for, from
/// the end of its option 55 (RFC 2132 §9.8 has the server insert them in the order requested, the first being what
/// the client needs most). Never left out, as a reply without them is no reply: 53 and 54, the lease times 51, 58
/// and 59, the client identifier 61 (RFC 6842 §3: echoed) and the relay agent information 82 (RFC 3046 §2.2: echoed).
/// A long client identifier (up to 255 octets) thus still gets its OFFER and ACK, without the ALTO options.
/// </summary>
public static class DhcpV4ReplyFit
{
    /// <summary>
    /// Writes <paramref name="reply"/> to <paramref name="destination"/> (sized to the client's limit), with as many
    /// options as fit; <paramref name="leftOut"/> says how many were left out. <see cref="OperationStatus.DestinationTooSmall"/>
    /// only when the options that are never left out do not fit.
    /// </summary>
    public static OperationStatus TryWrite(DhcpV4Message request, DhcpV4Message reply, Span<byte> destination, out int written, out int leftOut)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        leftOut = 0;
        var status = DhcpV4Writer.TryWrite(reply, destination, out written);
        if (status != OperationStatus.DestinationTooSmall)
        {
            return status;
        }

        var options = new List<DhcpV4Option>(reply.Options);
        var requested = request.ParameterRequestList;
        while (NextToLeaveOut(options, requested) is var index and >= 0)
        {
            options.RemoveAt(index);
            leftOut++;
            status = DhcpV4Writer.TryWrite(reply with { Options = options }, destination, out written);
            if (status != OperationStatus.DestinationTooSmall)
            {
                return status;
            }
        }

        return OperationStatus.DestinationTooSmall;
    }

    /// <summary>The option to leave out next: the last one not asked for, else the one asked for last; -1 when only essential ones remain.</summary>
    private static int NextToLeaveOut(List<DhcpV4Option> options, ReadOnlySpan<byte> requested)
    {
        var chosen = -1;
        var chosenRank = -1;
        for (var i = 0; i < options.Count; i++)
        {
            var code = options[i].Code;
            if (IsEssential(code))
            {
                continue;
            }

            // Not asked for ranks above every option asked for; among equals the later one goes first.
            var rank = requested.IndexOf(code) is var position and >= 0 ? position : int.MaxValue;
            if (rank >= chosenRank)
            {
                (chosen, chosenRank) = (i, rank);
            }
        }

        return chosen;
    }

    private static bool IsEssential(byte code) => code is DhcpV4OptionCode.MessageType or DhcpV4OptionCode.ServerIdentifier
        or DhcpV4OptionCode.LeaseTime or DhcpV4OptionCode.RenewalTime or DhcpV4OptionCode.RebindingTime
        or DhcpV4OptionCode.ClientIdentifier or DhcpV4OptionCode.RelayAgentInformation;
}
