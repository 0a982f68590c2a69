using System.Buffers;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Tests.Dns;

public class DnsMessageWriterTests
{
    private static readonly DnsQuestion NaptrQuestion = new("example.net.", DnsRecordType.Naptr);

    [Fact]
    public void Writes_the_RFC_7286_response_octet_for_octet()
    {
        var message = NaptrResponse(
            new NaptrRecord(100, 10, "u", "ALTO:https", "!.*!https://alto1.example.net/ird!", ""),
            new NaptrRecord(200, 10, "u", "ALTO:http", "!.*!http://alto1.example.net/ird!", "."));

        Assert.Equal(DnsWireVectors.Rfc7286NaptrResponse, Write(message, DnsMessageWriter.PlainUdpLimit));
    }

    [Fact]
    public void Writes_the_DO_query_of_the_query_builder_octet_for_octet()
    {
        var query = DnsQueryBuilder.Build(42, "example.net", DnsRecordType.Naptr, new DnsOptData(4096, dnssecOk: true));

        Assert.Equal(DnsWireVectors.QueryWithDnssecOk, Write(query, DnsMessageWriter.PlainUdpLimit));
    }

    [Fact]
    public void Query_builder_with_EDNS_sets_RD_the_payload_size_and_DO()
    {
        var query = DnsMessageReader.Read(Write(DnsQueryBuilder.BuildWithEdns(7, "_alto._tcp.example.net.", DnsRecordType.Naptr, dnssecOk: true), 512));

        Assert.True(query.Header.Has(DnsHeaderBits.RecursionDesired));
        Assert.Equal((DnsQueryBuilder.DefaultUdpPayloadSize, true), (query.Opt!.UdpPayloadSize, query.Opt.DnssecOk));
        Assert.Null(DnsQueryBuilder.Build(7, "example.net.", DnsRecordType.Naptr).Opt);
    }

    [Theory]
    [InlineData(nameof(DnsWireVectors.Rfc7286NaptrResponse))]
    [InlineData(nameof(DnsWireVectors.CompressedAuthorityResponse))]
    [InlineData(nameof(DnsWireVectors.QueryWithDnssecOk))]
    [InlineData(nameof(DnsWireVectors.ResponseWithOptOption))]
    public void Reading_and_writing_round_trips(string vector)
    {
        var wire = (byte[])typeof(DnsWireVectors).GetField(vector)!.GetValue(null)!;
        var message = DnsMessageReader.Read(wire);

        var again = DnsMessageReader.Read(Write(message, DnsMessageWriter.MaxMessageLength));

        Assert.Equal(message.Header, again.Header);
        Assert.Equal(message.Questions, again.Questions);
        Assert.Equal(message.Answers, again.Answers);
        Assert.Equal(message.Authorities, again.Authorities);
        Assert.Equal(message.Additionals, again.Additionals);
    }

    [Fact]
    public void Compresses_owner_names_against_earlier_names_case_insensitively()
    {
        var record = new DnsRecord("ALTO.Example.NET.", 1, 1, 60, new DnsRawData(new byte[] { 192, 0, 2, 1 }));
        var message = new DnsMessage(new DnsHeader(1, DnsHeaderBits.Response, 0, 0), [NaptrQuestion], [record], [], []);

        var wire = Write(message, 512);

        // Question name at 12 (13 octets) + TYPE/CLASS: the owner starts at 29 as "04 ALTO" then a pointer to 12.
        Assert.Equal(DnsWireVectors.Hex("04 414c544f c00c"), wire[29..36]);
        Assert.Equal("ALTO.example.net.", DnsMessageReader.Read(wire).Answers[0].Name);
    }

    [Fact]
    public void Answer_over_512_octets_is_truncated_to_header_and_question_with_TC()
    {
        var records = Enumerable.Range(0, 12)
            .Select(i => new NaptrRecord((ushort)i, 10, "u", "ALTO:https", $"!.*!https://alto{i}.example.net/ird!", "."))
            .ToArray();
        var response = NaptrResponse(records);

        var wire = Write(response, DnsMessageWriter.PlainUdpLimit);

        var read = DnsMessageReader.Read(wire);
        Assert.True(read.Header.Has(DnsHeaderBits.Truncated));
        Assert.Equal(response.Questions, read.Questions);
        Assert.Empty(read.Answers);
        Assert.Equal(29, wire.Length);
        Assert.Equal(12, DnsMessageReader.Read(Write(response, 4096)).Answers.Count);
    }

    [Fact]
    public void Truncated_response_keeps_the_OPT_record()
    {
        var records = Enumerable.Range(0, 40).Select(i => new NaptrRecord((ushort)i, 10, "u", "ALTO:https", "!.*!https://alto.example.net/ird!", ".")).ToArray();
        var response = NaptrResponse(records) with { Additionals = [new DnsOptData(1232, dnssecOk: true).ToRecord()] };

        var read = DnsMessageReader.Read(Write(response, 1232));

        Assert.True(read.Header.Has(DnsHeaderBits.Truncated));
        Assert.Empty(read.Answers);
        Assert.True(read.Opt!.DnssecOk);
    }

    [Theory]
    [InlineData(0, 512)]
    [InlineData(100, 512)]
    [InlineData(4096, 4096)]
    public void UDP_response_limit_follows_the_client_EDNS_size(int advertised, int expected)
    {
        var query = advertised == 0
            ? DnsQueryBuilder.Build(1, "example.net.", DnsRecordType.Naptr)
            : DnsQueryBuilder.Build(1, "example.net.", DnsRecordType.Naptr, new DnsOptData((ushort)advertised));

        Assert.Equal(expected, DnsMessageWriter.UdpResponseLimit(query));
    }

    [Fact]
    public void Destination_smaller_than_message_and_limit_is_reported_not_truncated()
    {
        var message = DnsMessageReader.Read(DnsWireVectors.Rfc7286NaptrResponse);

        Assert.Equal(OperationStatus.DestinationTooSmall, DnsMessageWriter.TryWrite(message, new byte[100], 512, out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Writes_to_a_buffer_writer()
    {
        var output = new ArrayBufferWriter<byte>();

        var written = DnsMessageWriter.Write(DnsMessageReader.Read(DnsWireVectors.CompressedAuthorityResponse), output, 512);

        // RDATA names are written uncompressed, so the output is longer than the hand-built vector.
        Assert.Equal(output.WrittenCount, written);
        Assert.Equal(DnsMessageReader.Read(DnsWireVectors.CompressedAuthorityResponse).Authorities, DnsMessageReader.Read(output.WrittenSpan).Authorities);
    }

    [Theory]
    [InlineData("a..b.")]
    [InlineData(".a")]
    [InlineData("bad\\1")]
    public void Invalid_names_are_caller_misuse(string name) =>
        Assert.Throws<ArgumentException>(() => Write(DnsQueryBuilder.Build(1, name, 1), 512));

    [Fact]
    public void Over_long_labels_and_strings_are_caller_misuse()
    {
        Assert.Throws<ArgumentException>(() => Write(DnsQueryBuilder.Build(1, new string('a', 64) + ".net.", 1), 512));
        Assert.Throws<ArgumentException>(() => Write(NaptrResponse(new NaptrRecord(1, 1, new string('u', 256), "", "", ".")), 4096));
    }

    private static DnsMessage NaptrResponse(params NaptrRecord[] records) => new(
        new DnsHeader(0x1234, DnsHeaderBits.Response | DnsHeaderBits.AuthoritativeAnswer, 0, 0),
        [NaptrQuestion],
        records.Select(r => new DnsRecord("example.net.", DnsRecordType.Naptr, DnsRecordType.InternetClass, 3600, new DnsNaptrData(r))).ToList(),
        [],
        []);

    private static byte[] Write(DnsMessage message, int limit)
    {
        var buffer = new byte[DnsMessageWriter.MaxMessageLength];
        Assert.Equal(OperationStatus.Done, DnsMessageWriter.TryWrite(message, buffer, limit, out var written));
        return buffer[..written];
    }
}
