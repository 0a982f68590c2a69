using System.Runtime.InteropServices;

namespace AltoGateway.Nat.Conntrack;

/// <summary>
/// The payload of an <c>NLMSG_ERROR</c> message (linux/netlink.h, <c>struct nlmsgerr</c>): a negative
/// errno (0 for an acknowledgement) and the header of the request it answers; the request's body
/// and extended-ack attributes that may follow are not needed and not read.
/// </summary>
public readonly record struct NetlinkErrorMessage(int Error, NetlinkMessageHeader Request)
{
    /// <summary><c>sizeof(struct nlmsgerr)</c> without what may follow it.</summary>
    public const int Size = 4 + NetlinkMessageHeader.Size;

    /// <summary>True for an acknowledgement (error 0).</summary>
    public bool IsAcknowledgement => Error == 0;

    /// <summary>The positive errno of a failure (e.g. 1 EPERM), 0 for an acknowledgement.</summary>
    public int Errno => -Error;

    public static bool TryRead(ReadOnlySpan<byte> payload, out NetlinkErrorMessage message, out ConntrackParseError error)
    {
        if (payload.Length < Size)
        {
            message = default;
            error = ConntrackParseError.Truncated;
            return false;
        }

        NetlinkMessageHeader.TryRead(payload[4..], out var request);
        message = new NetlinkErrorMessage(MemoryMarshal.Read<int>(payload), request);
        error = ConntrackParseError.None;
        return true;
    }
}
