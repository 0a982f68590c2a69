using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naming;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Discovery.Responder;
using static AltoGateway.Discovery.Tests.Responder.ResponderFixture;

namespace AltoGateway.Discovery.Tests.Responder;

/// <summary>Every answer path of the responder, with the exact bytes where they matter.</summary>
public class DnsAnswererTests
{
    private const ushort A = 1;
    private const ushort Txt = 16;
    private const ushort Axfr = 252;
    private const ushort MailA = 254;
    private const ushort Any = 255;
    private const ushort Chaos = 3;

    private readonly DnsAnswerer _answerer = Answerer();

    [Fact]
    public void Access_domain_NAPTR_is_answered_with_the_exact_RFC_7286_record()
    {
        var (outcome, _, wire) = Ask(_answerer, Query("example.net.", DnsRecordType.Naptr));

        var expected = Hex(
            "1234 8400 0001 0001 0000 0000" // id, QR AA, QD 1, AN 1
            + "07 6578616d706c65 03 6e6574 00 0023 0001" // example.net. NAPTR IN, as asked
            + "c00c 0023 0001 00000e10 003a" // owner: the question; TTL 3600; RDLENGTH 58
            + "0064 000a 01 75 0a 414c544f3a6874747073" // 100 10 "u" "ALTO:https"
            + "27 212e2a2168747470733a2f2f616c746f2e6578616d706c652e6e65742f6469726563746f727921 00"); // "!.*!https://alto.example.net/directory!" .
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(wire));
        Assert.Equal(ResponseCode.NoError, outcome.Rcode);
        Assert.False(outcome.Truncated);
        Assert.False(outcome.Malformed);
    }

    [Fact]
    public void Access_domain_NAPTR_is_a_valid_U_NAPTR_for_the_LAN_directory()
    {
        var (_, response, _) = Ask(_answerer, Query("example.net.", DnsRecordType.Naptr));

        var record = Assert.Single(response.Answers);
        var naptr = Assert.IsType<DnsNaptrData>(record.Data).Record;
        var selection = UNaptrSelection.Select([naptr], UNaptrServiceParameter.AltoHttps);
        Assert.Equal([new Uri(LanUri)], selection.Uris);
        Assert.Equal(3600u, record.Ttl);
    }

    [Fact]
    public void Every_RFC_8686_name_of_a_pool_address_finds_the_WAN_directory_at_the_first_name_that_exists()
    {
        foreach (var address in new[] { "198.51.100.0", "198.51.100.77", "198.51.100.255", "2001:db8::1", "2001:db8:0:ffff:1:2:3:4" })
        {
            Assert.True(XdomdiscNames.TryCompute(TypedEndpointAddress.Parse(address.Contains(':') ? "ipv6:" + address : "ipv4:" + address), out var names, out _));
            var found = names.Select(n => Ask(_answerer, Query(n.Name, DnsRecordType.Naptr)).Response).FirstOrDefault(r => r.Answers.Count > 0);

            Assert.NotNull(found);
            var naptr = Assert.IsType<DnsNaptrData>(Assert.Single(found.Answers).Data).Record;
            Assert.Equal(new NaptrRecord(100, 10, "u", "ALTO:https", "!.*!" + WanUri + "!", "."), naptr);
        }
    }

    [Fact]
    public void The_reverse_name_of_an_IPv4_address_holds_the_NAPTR_and_its_parents_inside_the_zone_are_NODATA_or_outside()
    {
        var leaf = Ask(_answerer, Query("5.100.51.198.in-addr.arpa.", DnsRecordType.Naptr)).Response;
        var apex = Ask(_answerer, Query("100.51.198.in-addr.arpa.", DnsRecordType.Naptr)).Response;
        var above = Ask(_answerer, Query("51.198.in-addr.arpa.", DnsRecordType.Naptr)).Response;

        Assert.Single(leaf.Answers);
        Assert.Equal("5.100.51.198.in-addr.arpa.", leaf.Answers[0].Name);
        Assert.Equal((0, 0, 1), (apex.ResponseCode, apex.Answers.Count, apex.Authorities.Count)); // NODATA at the apex
        Assert.Equal(DnsRecordType.Soa, apex.Authorities[0].Type);
        Assert.Equal((int)ResponseCode.Refused, above.ResponseCode); // not our zone
    }

    [Theory]
    [InlineData("256.100.51.198.in-addr.arpa.")]
    [InlineData("05.100.51.198.in-addr.arpa.")]
    [InlineData("x.100.51.198.in-addr.arpa.")]
    [InlineData("1.5.100.51.198.in-addr.arpa.")]
    [InlineData("foo.example.net.")]
    [InlineData("g.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.")]
    public void Names_in_our_zones_that_do_not_exist_are_NXDOMAIN_with_the_SOA_and_the_negative_TTL(string name)
    {
        var (outcome, response, _) = Ask(_answerer, Query(name, DnsRecordType.Naptr));

        Assert.Equal(ResponseCode.NXDomain, outcome.Rcode);
        Assert.True(response.Header.Has(DnsHeaderBits.AuthoritativeAnswer));
        Assert.Empty(response.Answers);
        var soa = Assert.Single(response.Authorities);
        var data = Assert.IsType<DnsSoaData>(soa.Data);
        Assert.Equal(300u, soa.Ttl); // RFC 2308 §3: min(TTL 3600, MINIMUM 300)
        Assert.Equal(("ns.example.net.", "hostmaster.example.net.", 300u), (data.PrimaryServer, data.Mailbox, data.Minimum));
        Assert.EndsWith(soa.Name, name, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_names_asked_for_other_types_are_NODATA()
    {
        var (outcome, response, _) = Ask(_answerer, Query("example.net.", A));

        Assert.Equal((ResponseCode.NoError, 0, 1), (outcome.Rcode, response.Answers.Count, response.Authorities.Count));
        Assert.Equal("example.net.", response.Authorities[0].Name);
        Assert.Equal(DnsRecordType.Soa, response.Authorities[0].Type);
        Assert.True(response.Header.Has(DnsHeaderBits.AuthoritativeAnswer));
    }

    [Fact]
    public void An_empty_non_terminal_between_the_IPv6_apex_and_the_R64_names_is_NODATA()
    {
        var response = Ask(_answerer, Query("0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", DnsRecordType.Naptr)).Response;

        Assert.Equal(0, response.ResponseCode);
        Assert.Empty(response.Answers);
        Assert.Single(response.Authorities);
    }

    [Fact]
    public void SOA_and_NS_are_answered_at_the_apex_and_the_serial_is_the_same_in_every_answer()
    {
        var soa = Ask(_answerer, Query("example.net.", DnsRecordType.Soa)).Response;
        var ns = Ask(_answerer, Query("example.net.", DnsRecordType.Ns)).Response;
        var negative = Ask(_answerer, Query("nothing.example.net.", DnsRecordType.Soa)).Response;

        var soaData = Assert.IsType<DnsSoaData>(Assert.Single(soa.Answers).Data);
        Assert.Equal(3600u, soa.Answers[0].Ttl);
        Assert.Equal(new DnsNsData("ns.example.net."), Assert.Single(ns.Answers).Data);
        Assert.Equal(soaData.Serial, Assert.IsType<DnsSoaData>(negative.Authorities[0].Data).Serial);
        Assert.Equal((3600u, 600u, 604800u, 300u), (soaData.Refresh, soaData.Retry, soaData.Expire, soaData.Minimum));
    }

    [Fact]
    public void Names_match_case_insensitively_and_the_question_is_echoed_as_sent()
    {
        var (_, response, wire) = Ask(_answerer, Query("ExAmPlE.NeT.", DnsRecordType.Naptr));

        Assert.Equal("ExAmPlE.NeT.", Assert.Single(response.Questions).Name);
        Assert.Single(response.Answers);
        Assert.Equal("ExAmPlE", System.Text.Encoding.ASCII.GetString(wire, 13, 7));
    }

    [Fact]
    public void A_recursive_question_about_another_zone_is_REFUSED_without_AA_and_with_RD_copied()
    {
        var (outcome, response, _) = Ask(_answerer, Query("www.example.com.", A, recursionDesired: true));

        Assert.Equal(ResponseCode.Refused, outcome.Rcode);
        Assert.True(response.Header.Has(DnsHeaderBits.RecursionDesired));
        Assert.False(response.Header.Has(DnsHeaderBits.RecursionAvailable));
        Assert.False(response.Header.Has(DnsHeaderBits.AuthoritativeAnswer));
        Assert.Empty(response.Answers);
        Assert.Empty(response.Authorities);
        Assert.Equal("www.example.com.", response.Questions[0].Name);
    }

    [Theory]
    [InlineData(Chaos, Txt)]
    [InlineData(DnsRecordType.InternetClass, Axfr)]
    public void Other_classes_and_zone_transfers_are_REFUSED(ushort @class, ushort type)
    {
        Assert.Equal(ResponseCode.Refused, Ask(_answerer, Query("example.net.", type, @class: @class)).Outcome.Rcode);
    }

    [Fact]
    public void ANY_gets_one_RRset_the_NAPTRs_RFC_8482()
    {
        var response = Ask(_answerer, Query("example.net.", Any)).Response;

        Assert.Equal(DnsRecordType.Naptr, Assert.Single(response.Answers).Type);
    }

    [Fact]
    public void MAILA_and_opcodes_other_than_QUERY_are_NOTIMP()
    {
        var notify = Query("example.net.", DnsRecordType.Soa);
        notify[2] = 4 << 3; // opcode NOTIFY

        Assert.Equal(ResponseCode.NotImp, Ask(_answerer, Query("example.net.", MailA)).Outcome.Rcode);
        var (outcome, response, _) = Ask(_answerer, notify);
        Assert.Equal(ResponseCode.NotImp, outcome.Rcode);
        Assert.Equal(4, response.Header.Opcode);
        Assert.False(response.Header.Has(DnsHeaderBits.AuthoritativeAnswer));
    }

    [Fact]
    public void Responses_and_messages_shorter_than_a_header_are_dropped()
    {
        var response = Query("example.net.", DnsRecordType.Naptr);
        response[2] |= 0x80;
        var buffer = new byte[512];

        Assert.Equal(ResponderDropReason.Response, _answerer.Answer(response, buffer, DnsTransport.Udp).Drop);
        var tooShort = _answerer.Answer(new byte[11], buffer, DnsTransport.Udp);
        Assert.Equal(ResponderDropReason.TooShort, tooShort.Drop);
        Assert.True(tooShort.Malformed);
    }

    [Theory]
    [InlineData("abcd 0100 0000 0000 0000 0000", false)] // no question
    [InlineData("abcd 0100 0002 0000 0000 0000 07 6578616d706c65 03 6e6574 00 0023 0001 c00c 0023 0001", false)] // two questions (RFC 9619)
    [InlineData("abcd 0100 0001 0000 0000 0000 c00c 0023 0001", false)] // the name points at itself
    [InlineData("abcd 0100 0001 0000 0000 0000 07 6578616d706c65 c00c 0023 0001", false)] // a pointer back into the name being read
    [InlineData("abcd 0100 0001 0000 0000 0000 47 6578616d706c65 00 0023 0001", false)] // reserved label type 01
    [InlineData("abcd 0100 0001 0000 0000 0000 07 6578616d706c65 03 6e6574 00 0023", false)] // no CLASS
    [InlineData("abcd 0100 0001 ffff ffff ffff 07 6578616d706c65 03 6e6574 00 0023 0001", false)] // counts far beyond the bytes
    [InlineData("abcd 0100 0001 0000 0000 0000 07 6578616d706c65 03 6e6574 00 0023 0001 00", true)] // a trailing byte
    [InlineData("abcd 0100 0001 0000 0000 0002 07 6578616d706c65 03 6e6574 00 0023 0001 00 0029 1000 00000000 0000 00 0029 1000 00000000 0000", true)] // two OPTs
    [InlineData("abcd 0100 0001 0000 0000 0001 07 6578616d706c65 03 6e6574 00 0023 0001 00 0029 1000 00000000 0003 000a00", true)] // an option cut short
    [InlineData("abcd 0100 0001 0000 0000 0000 07 6578616d706c65 03 6e6574 00 0029 0001", true)] // OPT as query type
    public void Unreadable_queries_get_FORMERR_with_the_ID_echoed_and_the_question_when_it_was_read(string hex, bool questionEchoed)
    {
        var (outcome, response, _) = Ask(_answerer, Hex(hex));

        Assert.Equal(ResponseCode.FormErr, outcome.Rcode);
        Assert.True(outcome.Malformed);
        Assert.Equal(0xabcd, response.Header.Id);
        Assert.True(response.Header.Has(DnsHeaderBits.Response | DnsHeaderBits.RecursionDesired));
        Assert.Equal(questionEchoed ? 1 : 0, response.Questions.Count);
        Assert.Empty(response.Answers);
        Assert.Null(response.Opt);
    }

    [Fact]
    public void A_compressed_question_name_is_followed_and_echoed_flat()
    {
        // "example" then a pointer back to offset 11, the low octet of ARCOUNT (0): the root label.
        var (outcome, response, wire) = Ask(_answerer, Hex("abcd 0000 0001 0000 0000 0000 07 6578616d706c65 c00b 00ff 0001"));

        Assert.Equal(ResponseCode.Refused, outcome.Rcode);
        Assert.Equal("example.", response.Questions[0].Name);
        Assert.Equal("076578616D706C650000FF0001", Convert.ToHexString(wire.AsSpan(12)));
    }

    [Fact]
    public void EDNS_is_echoed_with_our_payload_size_and_the_DO_bit()
    {
        var response = Ask(_answerer, Query("example.net.", DnsRecordType.Naptr, edns: new DnsOptData(4096, dnssecOk: true))).Response;

        var opt = Assert.IsType<DnsOptData>(response.Opt);
        Assert.Equal((1232, 0, true), (opt.UdpPayloadSize, opt.Version, opt.DnssecOk));
        Assert.Empty(opt.Options);
        Assert.Single(response.Answers);
    }

    [Fact]
    public void EDNS_version_1_gets_BADVERS_with_an_OPT_of_version_0()
    {
        var query = Query("example.net.", DnsRecordType.Naptr, edns: new DnsOptData(1232, 0, 1, false, []));
        var (outcome, response, _) = Ask(_answerer, query);

        Assert.Equal(ResponseCode.BadVers, outcome.Rcode);
        Assert.Equal(16, response.ResponseCode); // 4 bits in the header, 8 in the OPT (RFC 6891 §6.1.3)
        Assert.Equal(0, response.Opt!.Version);
        Assert.Empty(response.Answers);
        Assert.False(response.Header.Has(DnsHeaderBits.AuthoritativeAnswer));
    }

    [Fact]
    public void An_answer_too_big_for_UDP_is_truncated_with_TC_and_complete_over_TCP()
    {
        var longUris = Enumerable.Range(1, 3).Select(i => $"https://alto{i}.example.net/{new string('d', 200)}").ToList();
        var answerer = Answerer(Settings with { AccessDirectoryUris = longUris });

        var plain = Ask(answerer, Query("example.net.", DnsRecordType.Naptr));
        var small = Ask(answerer, Query("example.net.", DnsRecordType.Naptr, edns: new DnsOptData(512)));
        var large = Ask(answerer, Query("example.net.", DnsRecordType.Naptr, edns: new DnsOptData(4096)));
        var tcp = Ask(answerer, Query("example.net.", DnsRecordType.Naptr), DnsTransport.Tcp);

        foreach (var (outcome, response, wire) in new[] { plain, small })
        {
            Assert.True(outcome.Truncated);
            Assert.True(response.Header.Has(DnsHeaderBits.Truncated));
            Assert.Empty(response.Answers);
            Assert.True(wire.Length <= 512);
        }

        Assert.NotNull(small.Response.Opt);
        Assert.False(large.Outcome.Truncated); // 3 × 250 octets fit our 1232
        Assert.Equal(3, large.Response.Answers.Count);
        Assert.False(tcp.Outcome.Truncated);
        Assert.Equal([10, 20, 30], tcp.Response.Answers.Select(a => (int)((DnsNaptrData)a.Data).Record.Preference));
    }

    [Fact]
    public void A_UDP_answer_never_exceeds_what_we_advertise_even_when_the_client_allows_more()
    {
        var longUris = Enumerable.Range(1, 6).Select(i => $"https://alto{i}.example.net/{new string('d', 200)}").ToList();
        var answerer = Answerer(Settings with { AccessDirectoryUris = longUris });

        var (outcome, response, wire) = Ask(answerer, Query("example.net.", DnsRecordType.Naptr, edns: new DnsOptData(65000)));

        Assert.True(outcome.Truncated);
        Assert.True(wire.Length <= 1232);
        Assert.Empty(response.Answers);
    }
}
