using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Tests.Dns;

public class DnsMessageReaderTests
{
    [Fact]
    public void Reads_the_RFC_7286_NAPTR_response()
    {
        Assert.True(DnsMessageReader.TryRead(DnsWireVectors.Rfc7286NaptrResponse, out var message, out var error));
        Assert.Equal(DnsReadError.None, error);
        Assert.Equal(new DnsHeader(0x1234, DnsHeaderBits.Response | DnsHeaderBits.AuthoritativeAnswer, 0, 0), message.Header);
        Assert.Equal([new DnsQuestion("example.net.", DnsRecordType.Naptr)], message.Questions);
        Assert.Equal(2, message.Answers.Count);
        Assert.Empty(message.Authorities);
        Assert.Null(message.Opt);

        var first = message.Answers[0];
        Assert.Equal(("example.net.", DnsRecordType.Naptr, DnsRecordType.InternetClass, 3600u), (first.Name, first.Type, first.Class, first.Ttl));
        Assert.Equal(
            new DnsNaptrData(new NaptrRecord(100, 10, "u", "ALTO:https", "!.*!https://alto1.example.net/ird!", ".")),
            first.Data);
        Assert.Equal(
            new DnsNaptrData(new NaptrRecord(200, 10, "u", "ALTO:http", "!.*!http://alto1.example.net/ird!", ".")),
            message.Answers[1].Data);
    }

    [Fact]
    public void NAPTR_records_read_from_the_wire_feed_the_U_NAPTR_selection()
    {
        var message = DnsMessageReader.Read(DnsWireVectors.Rfc7286NaptrResponse);
        var records = message.Answers.Select(a => ((DnsNaptrData)a.Data).Record).ToList();

        var selection = UNaptrSelection.Select(records, UNaptrServiceParameter.AltoHttps);

        Assert.Equal(new Uri("https://alto1.example.net/ird"), selection.Targets[0].Uri);
    }

    [Fact]
    public void Reads_compressed_names_in_owner_and_NS_and_SOA_data()
    {
        Assert.True(DnsMessageReader.TryRead(DnsWireVectors.CompressedAuthorityResponse, out var message, out _));
        Assert.True(message.Header.Has(DnsHeaderBits.RecursionAvailable));
        Assert.Equal(new DnsNsData("ns1.example.net."), message.Authorities[0].Data);
        Assert.Equal("example.net.", message.Authorities[1].Name);
        Assert.Equal(
            new DnsSoaData("ns1.example.net.", "hostmaster.example.net.", 1, 7200, 3600, 1209600, 300),
            message.Authorities[1].Data);
    }

    [Fact]
    public void Reads_an_OPT_record_with_the_DO_bit()
    {
        var message = DnsMessageReader.Read(DnsWireVectors.QueryWithDnssecOk);

        Assert.False(message.Header.Has(DnsHeaderBits.Response));
        Assert.True(message.Header.Has(DnsHeaderBits.RecursionDesired));
        var opt = Assert.IsType<DnsOptData>(message.Additionals[0].Data);
        Assert.Equal((4096, (byte)0, (byte)0, true), (opt.UdpPayloadSize, opt.ExtendedRcode, opt.Version, opt.DnssecOk));
        Assert.Empty(opt.Options);
        Assert.Same(opt, message.Opt);
    }

    [Fact]
    public void Reads_OPT_options_and_combines_the_extended_RCODE()
    {
        var message = DnsMessageReader.Read(DnsWireVectors.ResponseWithOptOption);

        Assert.True(message.Header.Has(DnsHeaderBits.AuthenticData));
        Assert.False(message.Header.Has(DnsHeaderBits.CheckingDisabled));
        var opt = message.Opt!;
        Assert.Equal(1232, opt.UdpPayloadSize);
        Assert.False(opt.DnssecOk);
        Assert.Equal(16, message.ResponseCode);
        var option = Assert.Single(opt.Options);
        Assert.Equal(65001, option.Code);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, option.Data.ToArray());
    }

    [Fact]
    public void Reads_opcode_RCODE_and_CD_from_the_header()
    {
        var message = DnsMessageReader.Read(DnsWireVectors.Hex("0001 a913 0000 0000 0000 0000")); // QR, opcode 5, RD, CD, RCODE 3

        Assert.Equal(5, message.Header.Opcode);
        Assert.Equal(3, message.Header.Rcode);
        Assert.Equal(DnsHeaderBits.Response | DnsHeaderBits.RecursionDesired | DnsHeaderBits.CheckingDisabled, message.Header.Flags);
    }

    [Fact]
    public void Keeps_unknown_types_as_raw_bytes()
    {
        var wire = DnsWireVectors.Hex("0001 8000 0000 0001 0000 0000" + "00 0001 0001 0000003c 0004 c0000201"); // . A 192.0.2.1

        var record = DnsMessageReader.Read(wire).Answers[0];

        Assert.Equal(new byte[] { 192, 0, 2, 1 }, Assert.IsType<DnsRawData>(record.Data).Bytes.ToArray());
    }

    [Fact]
    public void Escapes_dots_and_unprintable_octets_in_labels()
    {
        var wire = DnsWireVectors.Hex("0001 0000 0001 0000 0000 0000" + "03 612e62 02 5c00 00 0001 0001"); // "a.b" "\\\0"

        Assert.Equal(@"a\.b.\\\000.", DnsMessageReader.Read(wire).Questions[0].Name);
    }
}
