using System.Buffers.Binary;
using System.Security.Cryptography;
using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// One zone the responder is authoritative for, with its records precomputed as wire bytes: the answer
/// never encodes a record per query. A NAPTR is owned by the question name itself, so its owner is always the
/// pointer to offset 12 and the whole NAPTR answer section is constant; SOA and NS are owned by the apex, a
/// suffix of the question name, so only their 2-octet owner pointer is written per query.
/// </summary>
public sealed class ResponderZone
{
    /// <summary>TYPE, CLASS, TTL, RDLENGTH: the fixed part of a record after its owner (RFC 1035 §4.1.3).</summary>
    private const int RecordFixedLength = 10;

    private ResponderZone(string apex, byte[] apexWire, NaptrRecord[] naptrs, ResponderSettings settings, ReverseZoneShape? reverse)
    {
        Apex = apex;
        ApexWire = apexWire;
        Reverse = reverse;
        NaptrRecords = naptrs;
        var naptrAnswer = new List<byte>();
        foreach (var naptr in naptrs)
        {
            naptrAnswer.AddRange([0xC0, 0x0C]); // owner: the question name at offset 12
            naptrAnswer.AddRange(RecordTail(DnsRecordType.Naptr, settings.RecordTtl, new DnsNaptrData(naptr)));
        }

        NaptrAnswer = [.. naptrAnswer];
        NsTail = RecordTail(DnsRecordType.Ns, settings.RecordTtl, new DnsNsData(settings.NameServer));

        // The serial identifies the content: a digest of every record but the SOA's own serial, so it changes
        // exactly when the zone does and stays the same across restarts. No zone transfers are served, so the
        // RFC 1982 ordering of serials has no reader.
        var content = new List<byte>(apexWire);
        content.AddRange(NaptrAnswer);
        content.AddRange(NsTail);
        content.AddRange(RecordTail(DnsRecordType.Soa, settings.RecordTtl, Soa(settings, 0)));
        content.AddRange(System.Text.Encoding.ASCII.GetBytes(reverse is null ? "" : $"{reverse.LevelBits} {string.Join(' ', reverse.Prefixes)}"));
        Serial = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. content]));
        SoaRecord = Soa(settings, Serial);
        SoaTail = RecordTail(DnsRecordType.Soa, settings.RecordTtl, SoaRecord);

        // RFC 2308 §3: the SOA of a negative answer carries min(its TTL, MINIMUM) as TTL.
        NegativeSoaTail = RecordTail(DnsRecordType.Soa, Math.Min(settings.RecordTtl, settings.NegativeTtl), SoaRecord);
    }

    /// <summary>The apex, absolute and lower case.</summary>
    public string Apex { get; }

    /// <summary>The apex in wire form, lower case, uncompressed.</summary>
    internal byte[] ApexWire { get; }

    /// <summary>The serial of the SOA.</summary>
    public uint Serial { get; }

    /// <summary>The SOA RDATA.</summary>
    public DnsSoaData SoaRecord { get; }

    /// <summary>The NAPTR records every NAPTR owner of this zone holds.</summary>
    public IReadOnlyList<NaptrRecord> NaptrRecords { get; }

    /// <summary>The NAPTR answer section: every record with its owner pointer.</summary>
    internal byte[] NaptrAnswer { get; }

    /// <summary>The number of records in <see cref="NaptrAnswer"/>.</summary>
    internal int NaptrCount => NaptrRecords.Count;

    /// <summary>The SOA after its owner, with the record TTL.</summary>
    internal byte[] SoaTail { get; }

    /// <summary>The SOA after its owner, with the negative-answer TTL.</summary>
    internal byte[] NegativeSoaTail { get; }

    /// <summary>The NS record after its owner.</summary>
    internal byte[] NsTail { get; }

    /// <summary>The pool prefixes of a reverse zone; empty for an access domain.</summary>
    public IReadOnlyList<AddressPrefix> Prefixes => Reverse?.Prefixes ?? [];

    /// <summary>The level of a reverse zone's NAPTR owners in bits (RFC 8686 §3.3); 0 for an access domain.</summary>
    public int ReverseLevel => Reverse?.LevelBits ?? 0;

    /// <summary>The reverse names of the zone; null for an access domain, which holds its apex only.</summary>
    internal ReverseZoneShape? Reverse { get; }

    /// <summary>An access-domain zone: the apex alone, holding the NAPTRs (RFC 7286 §3.2).</summary>
    internal static ResponderZone ForAccessDomain(string apex, NaptrRecord[] naptrs, ResponderSettings settings) =>
        new(apex, Wire(apex), naptrs, settings, null);

    /// <summary>A reverse zone (RFC 8686).</summary>
    internal static ResponderZone ForReverse(ReverseZoneShape shape, NaptrRecord[] naptrs, ResponderSettings settings) =>
        new(shape.Apex, Wire(shape.Apex), naptrs, settings, shape);

    /// <summary>What <paramref name="relative"/>, the lower-case wire labels before the apex, is in this zone.</summary>
    internal ResponderNode Classify(ReadOnlySpan<byte> relative)
    {
        if (Reverse is not null)
        {
            return Reverse.Classify(relative);
        }

        return relative.IsEmpty ? ResponderNode.Exists | ResponderNode.Apex | ResponderNode.Naptr : ResponderNode.Missing;
    }

    private static DnsSoaData Soa(ResponderSettings settings, uint serial) =>
        new(settings.NameServer, settings.Hostmaster, serial, settings.Refresh, settings.Retry, settings.Expire, settings.NegativeTtl);

    private static byte[] Wire(string name)
    {
        Span<byte> wire = stackalloc byte[DnsNameText.MaxWireLength];
        return wire[..DnsNameText.Encode(name.ToLowerInvariant(), wire)].ToArray();
    }

    /// <summary>TYPE, CLASS IN, TTL, RDLENGTH and RDATA, written by the DNS codec's own RDATA writer.</summary>
    private static byte[] RecordTail(ushort type, uint ttl, DnsRecordData data)
    {
        var buffer = new byte[RecordFixedLength + ushort.MaxValue];
        var writer = new DnsWireWriter(buffer);
        writer.WriteUInt16(type);
        writer.WriteUInt16(DnsRecordType.InternetClass);
        writer.WriteUInt32(ttl);
        writer.WriteUInt16(0);
        DnsRecordDataWriter.Write(ref writer, data);
        writer.PatchLength(RecordFixedLength - 2);
        return buffer.AsSpan(0, writer.Position).ToArray();
    }
}
