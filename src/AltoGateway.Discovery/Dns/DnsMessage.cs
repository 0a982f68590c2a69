namespace AltoGateway.Discovery.Dns;

/// <summary>A whole DNS message (RFC 1035 §4.1): header and the four sections.</summary>
public sealed record DnsMessage(
    DnsHeader Header,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<DnsRecord> Answers,
    IReadOnlyList<DnsRecord> Authorities,
    IReadOnlyList<DnsRecord> Additionals)
{
    /// <summary>The EDNS(0) data of the message, or null when it has no OPT record (RFC 6891 §6.1.1).</summary>
    public DnsOptData? Opt
    {
        get
        {
            foreach (var record in Additionals)
            {
                if (record.Data is DnsOptData opt)
                {
                    return opt;
                }
            }

            return null;
        }
    }

    /// <summary>The full 12-bit RCODE: the OPT's upper 8 bits above the header's 4 (RFC 6891 §6.1.3).</summary>
    public int ResponseCode => ((Opt?.ExtendedRcode ?? 0) << 4) | Header.Rcode;
}
