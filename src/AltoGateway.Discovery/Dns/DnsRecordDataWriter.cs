namespace AltoGateway.Discovery.Dns;

/// <summary>Writes typed RDATA. Names inside RDATA are never compressed: always valid, and required for NAPTR (RFC 3403 §4.1).</summary>
internal static class DnsRecordDataWriter
{
    public static void Write(ref DnsWireWriter writer, DnsRecordData data)
    {
        switch (data)
        {
            case DnsRawData raw:
                writer.WriteBytes(raw.Bytes.Span);
                break;
            case DnsNsData ns:
                writer.WriteName(ns.Host, compress: false);
                break;
            case DnsCnameData cname:
                writer.WriteName(cname.Target, compress: false);
                break;
            case DnsSoaData soa:
                writer.WriteName(soa.PrimaryServer, compress: false);
                writer.WriteName(soa.Mailbox, compress: false);
                writer.WriteUInt32(soa.Serial);
                writer.WriteUInt32(soa.Refresh);
                writer.WriteUInt32(soa.Retry);
                writer.WriteUInt32(soa.Expire);
                writer.WriteUInt32(soa.Minimum);
                break;
            case DnsNaptrData { Record: var naptr }:
                writer.WriteUInt16(naptr.Order);
                writer.WriteUInt16(naptr.Preference);
                writer.WriteCharacterString(naptr.Flags);
                writer.WriteCharacterString(naptr.Services);
                writer.WriteCharacterString(naptr.Regexp);
                writer.WriteName(naptr.Replacement, compress: false);
                break;
            case DnsOptData opt:
                foreach (var option in opt.Options)
                {
                    writer.WriteUInt16(option.Code);
                    writer.WriteUInt16(checked((ushort)option.Data.Length));
                    writer.WriteBytes(option.Data.Span);
                }

                break;
            default:
                throw new ArgumentException($"Unknown record data {data.GetType().Name}.", nameof(data));
        }
    }
}
