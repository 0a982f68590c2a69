using System.Buffers.Binary;
using System.Text;

namespace AltoGateway.Dhcp.V6;

/// <summary>The Status Code option (RFC 8415 §21.13): a 2-octet code and a UTF-8 message for people.</summary>
/// <param name="Code">0 Success, 1 UnspecFail, 2 NoAddrsAvail, 3 NoBinding, 4 NotOnLink, 5 UseMulticast, 6 NoPrefixAvail (§21.13).</param>
/// <param name="Message">The status message; may be empty.</param>
public sealed record DhcpV6StatusCode(ushort Code, string Message)
{
    /// <summary>Success (§21.13).</summary>
    public const ushort Success = 0;

    /// <summary>UnspecFail (§21.13).</summary>
    public const ushort UnspecifiedFailure = 1;

    /// <summary>Reads the option's data; false when it is shorter than the code.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out DhcpV6StatusCode status)
    {
        status = null!;
        if (data.Length < 2)
        {
            return false;
        }

        status = new DhcpV6StatusCode(BinaryPrimitives.ReadUInt16BigEndian(data), Encoding.UTF8.GetString(data[2..]));
        return true;
    }

    /// <summary>The option carrying this status.</summary>
    public DhcpV6Option ToOption()
    {
        var data = new byte[2 + Encoding.UTF8.GetByteCount(Message)];
        BinaryPrimitives.WriteUInt16BigEndian(data, Code);
        Encoding.UTF8.GetBytes(Message, data.AsSpan(2));
        return new DhcpV6Option(DhcpV6OptionCode.StatusCode, data);
    }
}
