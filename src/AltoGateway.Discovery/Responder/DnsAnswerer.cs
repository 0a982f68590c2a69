using System.Buffers.Binary;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Responder;

/// <summary>
/// The discovery responder's answers: query bytes in, response bytes out, or a drop. Authoritative only, no
/// recursion: names outside our zones are REFUSED whatever RD says, so the responder can never be used to reach
/// other zones or amplify (a UDP answer never exceeds 512 octets or the EDNS size asked for, capped by our own;
/// a bigger one goes with TC set and its records left out, RFC 1035 §4.2.1, RFC 2181 §9).
/// <list type="bullet">
/// <item>QR set: dropped. Shorter than a header: dropped.</item>
/// <item>Opcode other than QUERY: NOTIMP. Unreadable query: FORMERR (question echoed when it was read).</item>
/// <item>EDNS version above 0: BADVERS (RFC 6891 §6.1.3); the OPT is echoed with our payload size and the DO bit.</item>
/// <item>Class other than IN, AXFR and IXFR, names outside our zones: REFUSED. MAILA, MAILB: NOTIMP.</item>
/// <item>In a zone: the records with AA; NXDOMAIN or NODATA with the SOA in the authority section (RFC 2308 §3).</item>
/// <item>ANY (RFC 8482 §4.1): one RRset only, the NAPTRs where the name has them, else the SOA at the apex, else NODATA.</item>
/// </list>
/// Thread-safe: the zone set is immutable and replaced as a whole.
/// </summary>
public sealed class DnsAnswerer
{
    /// <summary>The smallest response buffer <see cref="Answer"/> takes: a UDP answer without EDNS (RFC 1035 §4.2.1).</summary>
    public const int MinResponseBuffer = DnsMessageWriter.PlainUdpLimit;

    private const ushort Response = 0x8000;
    private const ushort AuthoritativeAnswer = 0x0400;
    private const ushort Truncated = 0x0200;
    private const ushort RecursionDesired = 0x0100;
    private const ushort CheckingDisabled = 0x0010;
    private const int OptLength = 11;

    // Query types with a meaning of their own (RFC 1035 §3.2.3, RFC 1995, RFC 8482).
    private const ushort Ixfr = 251;
    private const ushort Axfr = 252;
    private const ushort MailB = 253;
    private const ushort MailA = 254;
    private const ushort Any = 255;

    private volatile ResponderZoneSet _zones;

    public DnsAnswerer(ResponderZoneSet zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        _zones = zones;
    }

    /// <summary>The zones answered from; replacing them takes effect for the next query.</summary>
    public ResponderZoneSet Zones
    {
        get => _zones;
        set => _zones = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Answers <paramref name="query"/> into <paramref name="response"/> (at least <see cref="MinResponseBuffer"/>
    /// octets; a TCP answer may need up to 65,535). Never throws on any content of <paramref name="query"/>.
    /// </summary>
    public ResponderOutcome Answer(ReadOnlySpan<byte> query, Span<byte> response, DnsTransport transport)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(response.Length, MinResponseBuffer, nameof(response));
        if (query.Length < DnsMessageReader.HeaderLength)
        {
            return ResponderOutcome.Dropping(ResponderDropReason.TooShort, malformed: true);
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        if ((flags & Response) != 0)
        {
            return ResponderOutcome.Dropping(ResponderDropReason.Response, malformed: false);
        }

        Span<byte> name = stackalloc byte[DnsNameText.MaxWireLength];
        Span<byte> lowerName = stackalloc byte[DnsNameText.MaxWireLength];
        Span<byte> labelStarts = stackalloc byte[128];
        var wellFormed = DnsQueryReader.TryRead(query, name, lowerName, labelStarts, out var parsed);
        var zones = _zones;
        var writer = new ResponseWriter(query, flags, parsed, name[..parsed.NameLength], zones, transport, response);
        var opcode = (flags >> 11) & 0xF;
        if (opcode != DnsHeader.QueryOpcode)
        {
            return writer.Finish(ResponseCode.NotImp, malformed: false);
        }

        if (!wellFormed)
        {
            return writer.Finish(ResponseCode.FormErr, malformed: true);
        }

        if (parsed.HasOpt && parsed.EdnsVersion > 0)
        {
            return writer.Finish(ResponseCode.BadVers, malformed: false);
        }

        if (parsed.Type == DnsRecordType.Opt)
        {
            return writer.Finish(ResponseCode.FormErr, malformed: true); // RFC 6891 §6.1.1: OPT is no query type
        }

        if (parsed.Class != DnsRecordType.InternetClass || parsed.Type is Axfr or Ixfr)
        {
            return writer.Finish(ResponseCode.Refused, malformed: false);
        }

        if (parsed.Type is MailA or MailB)
        {
            return writer.Finish(ResponseCode.NotImp, malformed: false);
        }

        var lower = lowerName[..parsed.NameLength];
        var zone = zones.Find(lower, labelStarts[..parsed.LabelCount], out var apexOffset);
        if (zone is null)
        {
            return writer.Finish(ResponseCode.Refused, malformed: false);
        }

        var node = zone.Classify(lower[..apexOffset]);
        writer.Authoritative();
        if (node == ResponderNode.Missing)
        {
            writer.AddAuthoritySoa(zone, apexOffset);
            return writer.Finish(ResponseCode.NXDomain, malformed: false);
        }

        var hasNaptr = (node & ResponderNode.Naptr) != 0;
        var isApex = (node & ResponderNode.Apex) != 0;
        switch (parsed.Type)
        {
            case DnsRecordType.Naptr when hasNaptr:
            case Any when hasNaptr:
                writer.AddAnswer(zone.NaptrAnswer, zone.NaptrCount);
                break;
            case DnsRecordType.Soa when isApex:
            case Any when isApex:
                writer.AddAnswerAtApex(zone.SoaTail, apexOffset);
                break;
            case DnsRecordType.Ns when isApex:
                writer.AddAnswerAtApex(zone.NsTail, apexOffset);
                break;
            default:
                writer.AddAuthoritySoa(zone, apexOffset); // NODATA (RFC 2308 §2.2)
                break;
        }

        return writer.Finish(ResponseCode.NoError, malformed: false);
    }

    /// <summary>
    /// Lays out one response: header, the question as it was sent (flattened, in its case), at most one
    /// answer RRset, at most one authority record, and the OPT when the query had one.
    /// </summary>
    private ref struct ResponseWriter
    {
        private readonly ReadOnlySpan<byte> _query;
        private readonly ReadOnlySpan<byte> _name;
        private readonly Span<byte> _response;
        private readonly DnsQuery _parsed;
        private readonly ushort _queryFlags;
        private readonly int _limit;
        private readonly ushort _payloadSize;
        private ReadOnlySpan<byte> _answer;
        private int _answerCount;
        private int _answerPointer;
        private ReadOnlySpan<byte> _authority;
        private int _authorityPointer;
        private bool _authoritative;

        public ResponseWriter(
            ReadOnlySpan<byte> query, ushort queryFlags, DnsQuery parsed, ReadOnlySpan<byte> name, ResponderZoneSet zones, DnsTransport transport, Span<byte> response)
        {
            _query = query;
            _queryFlags = queryFlags;
            _parsed = parsed;
            _name = name;
            _response = response;
            _payloadSize = zones.UdpPayloadSize;

            // RFC 6891 §6.2.5: the requestor's size, never below 512, and never above what we advertise.
            var udpLimit = parsed.HasOpt ? Math.Clamp(parsed.UdpPayloadSize, DnsMessageWriter.PlainUdpLimit, (int)zones.UdpPayloadSize) : DnsMessageWriter.PlainUdpLimit;
            _limit = Math.Min(response.Length, transport == DnsTransport.Tcp ? DnsMessageWriter.MaxMessageLength : udpLimit);
            _answerPointer = _authorityPointer = -1;
        }

        public void Authoritative() => _authoritative = true;

        /// <summary>Records whose owner is already the question pointer (precomputed).</summary>
        public void AddAnswer(ReadOnlySpan<byte> records, int count)
        {
            _answer = records;
            _answerCount = count;
        }

        /// <summary>One record owned by the apex: a pointer into the question name, then <paramref name="tail"/>.</summary>
        public void AddAnswerAtApex(ReadOnlySpan<byte> tail, int apexOffset)
        {
            _answer = tail;
            _answerCount = 1;
            _answerPointer = DnsMessageReader.HeaderLength + apexOffset;
        }

        public void AddAuthoritySoa(ResponderZone zone, int apexOffset)
        {
            _authority = zone.NegativeSoaTail;
            _authorityPointer = DnsMessageReader.HeaderLength + apexOffset;
        }

        public readonly ResponderOutcome Finish(ResponseCode rcode, bool malformed)
        {
            var question = _parsed.QuestionRead ? _name.Length + 4 : 0;
            var answer = _answer.Length + (_answerPointer >= 0 ? 2 : 0);
            var authority = _authority.Length + (_authorityPointer >= 0 ? 2 : 0);
            var opt = _parsed.HasOpt ? OptLength : 0;
            var fixedPart = DnsMessageReader.HeaderLength + question + opt;
            var truncated = fixedPart + answer + authority > _limit;

            var flags = (ushort)(Response | (_queryFlags & (0xF << 11)) | (_queryFlags & (RecursionDesired | CheckingDisabled)) | ((int)rcode & 0xF));
            if (_authoritative)
            {
                flags |= AuthoritativeAnswer;
            }

            if (truncated)
            {
                flags |= Truncated;
            }

            var output = _response;
            BinaryPrimitives.WriteUInt16BigEndian(output, BinaryPrimitives.ReadUInt16BigEndian(_query));
            BinaryPrimitives.WriteUInt16BigEndian(output[2..], flags);
            BinaryPrimitives.WriteUInt16BigEndian(output[4..], (ushort)(question > 0 ? 1 : 0));
            BinaryPrimitives.WriteUInt16BigEndian(output[6..], (ushort)(truncated || answer == 0 ? 0 : _answerCount));
            BinaryPrimitives.WriteUInt16BigEndian(output[8..], (ushort)(truncated || authority == 0 ? 0 : 1));
            BinaryPrimitives.WriteUInt16BigEndian(output[10..], (ushort)(opt > 0 ? 1 : 0));
            var position = DnsMessageReader.HeaderLength;
            if (question > 0)
            {
                _name.CopyTo(output[position..]);
                position += _name.Length;
                BinaryPrimitives.WriteUInt16BigEndian(output[position..], _parsed.Type);
                BinaryPrimitives.WriteUInt16BigEndian(output[(position + 2)..], _parsed.Class);
                position += 4;
            }

            if (!truncated)
            {
                position = WriteRecord(output, position, _answerPointer, _answer);
                position = WriteRecord(output, position, _authorityPointer, _authority);
            }

            if (opt > 0)
            {
                // RFC 6891 §6.1.2–6.1.3: root owner, our payload size, the upper RCODE bits, version 0, DO copied (RFC 3225 §3).
                output[position] = 0;
                BinaryPrimitives.WriteUInt16BigEndian(output[(position + 1)..], DnsRecordType.Opt);
                BinaryPrimitives.WriteUInt16BigEndian(output[(position + 3)..], _payloadSize);
                var ttl = ((uint)rcode >> 4 << 24) | (_parsed.DnssecOk ? 0x8000u : 0);
                BinaryPrimitives.WriteUInt32BigEndian(output[(position + 5)..], ttl);
                BinaryPrimitives.WriteUInt16BigEndian(output[(position + 9)..], 0);
                position += OptLength;
            }

            return new ResponderOutcome(position, rcode, ResponderDropReason.None, truncated, malformed);
        }

        private static int WriteRecord(Span<byte> output, int position, int ownerPointer, ReadOnlySpan<byte> bytes)
        {
            if (ownerPointer >= 0)
            {
                BinaryPrimitives.WriteUInt16BigEndian(output[position..], (ushort)(0xC000 | ownerPointer));
                position += 2;
            }

            bytes.CopyTo(output[position..]);
            return position + bytes.Length;
        }
    }
}
