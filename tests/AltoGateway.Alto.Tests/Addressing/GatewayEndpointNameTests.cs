using System.Text;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Messages;
using static AltoGateway.Alto.Tests.Vectors.JsonAssert;

namespace AltoGateway.Alto.Tests.Addressing;

/// <summary>The endpoint names of third-party queries (RFC 7285 §10.4 plus AltoGateway's extension types).</summary>
public class GatewayEndpointNameTests
{
    private const string PeerId = "1Ab-_09zZ";

    public static TheoryData<string, GatewayEndpointKind, string?, int, GatewayTransport, string?, string> Valid => new()
    {
        // RFC 7285 §10.4.3 typed addresses: the address text is canonical, the name keeps what was written.
        { "ipv4:192.0.2.1", GatewayEndpointKind.Address, "ipv4:192.0.2.1", 0, GatewayTransport.Any, null, "ipv4:192.0.2.1" },
        { "ipv6:2001:db8::1", GatewayEndpointKind.Address, "ipv6:2001:db8::1", 0, GatewayTransport.Any, null, "ipv6:2001:db8::1" },
        { "ipv6:2001:DB8:0:0::1", GatewayEndpointKind.Address, "ipv6:2001:db8::1", 0, GatewayTransport.Any, null, "ipv6:2001:db8::1" },

        // address-port, IPv4
        { "altogwipv4port:192.0.2.1:6881", GatewayEndpointKind.AddressAndPort, "ipv4:192.0.2.1", 6881, GatewayTransport.Any, null, "altogwipv4port:192.0.2.1:6881" },
        { "altogwipv4port:192.0.2.1:1/tcp", GatewayEndpointKind.AddressAndPort, "ipv4:192.0.2.1", 1, GatewayTransport.Tcp, null, "altogwipv4port:192.0.2.1:1/tcp" },
        { "altogwipv4port:0.0.0.0:65535/udp", GatewayEndpointKind.AddressAndPort, "ipv4:0.0.0.0", 65535, GatewayTransport.Udp, null, "altogwipv4port:0.0.0.0:65535/udp" },
        { "altogwipv4port:203.0.113.5:51413/sctp", GatewayEndpointKind.AddressAndPort, "ipv4:203.0.113.5", 51413, GatewayTransport.Sctp, null, "altogwipv4port:203.0.113.5:51413/sctp" },

        // address-port, IPv6 in brackets (RFC 3986 §3.2.2), any RFC 4291 text read, RFC 5952 written
        { "altogwipv6port:[2001:db8::1]:6881", GatewayEndpointKind.AddressAndPort, "ipv6:2001:db8::1", 6881, GatewayTransport.Any, null, "altogwipv6port:[2001:db8::1]:6881" },
        { "altogwipv6port:[2001:DB8::1]:6881/udp", GatewayEndpointKind.AddressAndPort, "ipv6:2001:db8::1", 6881, GatewayTransport.Udp, null, "altogwipv6port:[2001:db8::1]:6881/udp" },
        { "altogwipv6port:[2001:0DB8:0000:0000:0000:0000:0000:0001]:443/tcp", GatewayEndpointKind.AddressAndPort, "ipv6:2001:db8::1", 443, GatewayTransport.Tcp, null, "altogwipv6port:[2001:db8::1]:443/tcp" },
        { "altogwipv6port:[::FFFF:0102:0304]:1", GatewayEndpointKind.AddressAndPort, "ipv6:::ffff:1.2.3.4", 1, GatewayTransport.Any, null, "altogwipv6port:[::ffff:1.2.3.4]:1" },
        { "altogwipv6port:[::]:80", GatewayEndpointKind.AddressAndPort, "ipv6:::", 80, GatewayTransport.Any, null, "altogwipv6port:[::]:80" },

        // peer IDs: the base64url alphabet, 1 to 64 characters, kept exactly
        { "altogwpeer:" + PeerId, GatewayEndpointKind.PeerId, null, 0, GatewayTransport.Any, PeerId, "altogwpeer:" + PeerId },
        { "altogwpeer:x", GatewayEndpointKind.PeerId, null, 0, GatewayTransport.Any, "x", "altogwpeer:x" },
        { "altogwpeer:" + new string('A', 64), GatewayEndpointKind.PeerId, null, 0, GatewayTransport.Any, new string('A', 64), "altogwpeer:" + new string('A', 64) },
    };

    public static TheoryData<string?, EndpointAddressError> Invalid => new()
    {
        { null, EndpointAddressError.Empty },
        { "", EndpointAddressError.Empty },
        { "192.0.2.1", EndpointAddressError.MissingType },
        { "altogwpeer", EndpointAddressError.MissingType },
        { "ipv4port:192.0.2.1:6881", EndpointAddressError.UnknownType },
        { "ipv5:192.0.2.1", EndpointAddressError.UnknownType },
        { "ALTOGWPEER:" + PeerId, EndpointAddressError.UnknownType }, // type names are lower case, like §10.4.2's
        { "AltoGwIpv4Port:192.0.2.1:6881", EndpointAddressError.UnknownType },
        { ":192.0.2.1", EndpointAddressError.UnknownType },

        // ports: 1–65535, decimal, no leading zeros, present
        { "altogwipv4port:192.0.2.1:0", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:65536", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:99999", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:06881", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:+6881", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1: 6881", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:100000", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:/tcp", EndpointAddressError.BadAddress },
        { "altogwipv6port:[2001:db8::1]", EndpointAddressError.BadAddress },

        // protocols: tcp, udp, sctp, lower case, one
        { "altogwipv4port:192.0.2.1:6881/icmp", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:6881/TCP", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:6881/", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2.1:6881/tcp/udp", EndpointAddressError.BadAddress },

        // addresses: §10.4.3 text of the right family; IPv6 in brackets and only there
        { "altogwipv4port:192.0.2.01:6881", EndpointAddressError.BadAddress },
        { "altogwipv4port:010.0.2.1:6881", EndpointAddressError.BadAddress },
        { "ipv4:192.0.2.01", EndpointAddressError.BadAddress },
        { "altogwipv4port:192.0.2:6881", EndpointAddressError.BadAddress },
        { "altogwipv4port:[192.0.2.1]:6881", EndpointAddressError.BadAddress },
        { "altogwipv4port:2001:db8::1:6881", EndpointAddressError.BadAddress },
        { "altogwipv6port:2001:db8::1:6881", EndpointAddressError.BadAddress },
        { "altogwipv6port:[192.0.2.1]:6881", EndpointAddressError.BadAddress },
        { "altogwipv6port:[fe80::1%eth0]:6881", EndpointAddressError.BadAddress },
        { "altogwipv6port:[2001:db8::1:6881", EndpointAddressError.BadAddress },
        { "altogwipv6port:[]:6881", EndpointAddressError.BadAddress },
        { "ipv6:[2001:db8::1]", EndpointAddressError.BadAddress },

        // peer IDs: base64url without padding, 1–64 characters
        { "altogwpeer:", EndpointAddressError.BadAddress },
        { "altogwpeer:abc=", EndpointAddressError.BadAddress },
        { "altogwpeer:ab+c", EndpointAddressError.BadAddress },
        { "altogwpeer:ab/c", EndpointAddressError.BadAddress },
        { "altogwpeer:ab c", EndpointAddressError.BadAddress },
        { "altogwpeer:ab:c", EndpointAddressError.BadAddress },
        { "altogwpeer:\u00e9t\u00e9", EndpointAddressError.BadAddress },
        { "altogwpeer:" + new string('A', 65), EndpointAddressError.BadAddress },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_every_form_of_the_grammar(
        string text, GatewayEndpointKind kind, string? address, int port, GatewayTransport transport, string? peerId, string canonical)
    {
        Assert.True(GatewayEndpointName.TryParse(text, out var name, out var error));

        Assert.Equal(EndpointAddressError.None, error);
        Assert.NotNull(name);
        Assert.Equal(text, name.Text);
        Assert.Equal(text, name.ToString());
        Assert.Equal(kind, name.Kind);
        Assert.Equal(address is null ? default : TypedEndpointAddress.Parse(address), name.Address); // a peer ID has no address
        Assert.Equal(port, name.Port);
        Assert.Equal(transport, name.Transport);
        Assert.Equal(peerId, name.PeerId);
        Assert.Equal(canonical, name.ToCanonicalString());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_every_malformed_name_with_its_error(string? text, EndpointAddressError expected)
    {
        Assert.False(GatewayEndpointName.TryParse(text, out var name, out var error));

        Assert.Null(name);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void An_address_written_two_ways_keeps_each_text_but_names_one_address()
    {
        Assert.True(GatewayEndpointName.TryParse("altogwipv6port:[2001:DB8::1]:6881", out var upper, out _));
        Assert.True(GatewayEndpointName.TryParse("altogwipv6port:[2001:db8:0::1]:6881", out var lower, out _));

        Assert.Equal("altogwipv6port:[2001:DB8::1]:6881", upper!.Text);
        Assert.Equal("altogwipv6port:[2001:db8:0::1]:6881", lower!.Text);
        Assert.Equal(upper.Address, lower.Address);
        Assert.Equal(upper.ToCanonicalString(), lower.ToCanonicalString());
        Assert.NotEqual(upper, lower); // the text is part of the name: answers are keyed by it
    }

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    public void Random_strings_never_throw_and_what_parses_round_trips_through_its_canonical_form(int seed)
    {
        const string Alphabet = "altogwipv46port:peer[].0123456789abcdefABCDEF/tcudps-_=+% \u00e9";
        var random = new Random(seed);
        var parsed = 0;
        for (var i = 0; i < 4000; i++)
        {
            var tail = new StringBuilder();
            for (var n = random.Next(0, 24); n > 0; n--)
            {
                tail.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            foreach (var prefix in new[] { "", "ipv4:", "ipv6:", "altogwipv4port:", "altogwipv6port:[", "altogwpeer:" })
            {
                parsed += CheckRoundTrip(prefix + tail) ? 1 : 0;
            }
        }

        Assert.True(parsed > 100, $"only {parsed} random names parsed: the generator no longer reaches the grammar");
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    public void Mutated_valid_names_never_throw_and_what_parses_round_trips(int seed)
    {
        var seeds = Valid.Select(row => row.Data.Item1).ToArray();
        const string Replacements = "0123456789:[]./aftAF-_=+ ";
        var random = new Random(seed);
        var parsed = 0;
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text[at] = Replacements[random.Next(Replacements.Length)];
                        break;
                    case 1:
                        text.Remove(at, 1);
                        break;
                    default:
                        text.Insert(at, Replacements[random.Next(Replacements.Length)]);
                        break;
                }
            }

            parsed += CheckRoundTrip(text.ToString()) ? 1 : 0;
        }

        Assert.True(parsed > 200, $"only {parsed} mutated names parsed");
    }

    [Fact]
    public void The_rfc7285_grammar_refuses_a_peer_id_in_an_ecs_request_and_the_gateway_grammar_reads_it()
    {
        const string Request = """
            {"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},
             "endpoints":{"srcs":["ipv4:192.0.2.2"],"dsts":["ipv4:192.0.2.89","altogwpeer:1Ab-_09zZ"]}}
            """;

        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Request), out var refused, out var error));
        Assert.Null(refused);
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/dsts", "altogwpeer:1Ab-_09zZ"), error);
        Assert.Equal(AltoErrorCodes.InvalidFieldValue, error!.Code);

        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Request), out var read, out var none, grammar: EndpointNameGrammar.Gateway));
        Assert.Null(none);
        Assert.Equal(["ipv4:192.0.2.2"], read!.Endpoints.Srcs!);
        Assert.Equal(["ipv4:192.0.2.89", "altogwpeer:1Ab-_09zZ"], read.Endpoints.Dsts);
    }

    [Fact]
    public void The_rfc7285_grammar_refuses_an_address_and_port_in_srcs()
    {
        const string Request = """
            {"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"},
             "endpoints":{"srcs":["altogwipv4port:192.0.2.1:6881/udp"],"dsts":["ipv4:192.0.2.89"]}}
            """;

        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Request), out _, out var error));
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/srcs", "altogwipv4port:192.0.2.1:6881/udp"), error);
        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Request), out _, out _, grammar: EndpointNameGrammar.Gateway));
    }

    [Fact]
    public void The_gateway_grammar_still_refuses_a_malformed_extension_name()
    {
        const string Request = """
            {"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},
             "endpoints":{"dsts":["altogwpeer:1Ab-_09zZ","altogwpeer:abc="]}}
            """;

        Assert.False(AltoJsonReader.TryReadEndpointCostRequest(Utf8(Request), out _, out var error, grammar: EndpointNameGrammar.Gateway));
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/dsts", "altogwpeer:abc="), error);
    }

    [Fact]
    public void The_eps_reader_takes_the_grammar_too()
    {
        const string Request = """
            {"properties":["my-default-network-map.pid"],"endpoints":["ipv4:192.0.2.34","altogwipv6port:[2001:db8::1]:6881"]}
            """;

        Assert.False(AltoJsonReader.TryReadEndpointPropertyRequest(Utf8(Request), out _, out var error));
        Assert.Equal(AltoError.InvalidFieldValue("endpoints", "altogwipv6port:[2001:db8::1]:6881"), error);

        Assert.True(AltoJsonReader.TryReadEndpointPropertyRequest(Utf8(Request), out var read, out _, EndpointNameGrammar.Gateway));
        Assert.Equal(["ipv4:192.0.2.34", "altogwipv6port:[2001:db8::1]:6881"], read!.Endpoints);
    }

    [Fact]
    public void The_writer_refuses_extension_names_unless_told_the_gateway_grammar()
    {
        var request = new EndpointCostRequest
        {
            CostType = new CostType(CostMode.Ordinal, CostMetric.RoutingCost),
            Endpoints = new EndpointFilter { Srcs = ["altogwpeer:1Ab-_09zZ"], Dsts = ["ipv4:192.0.2.89"] },
        };

        var refused = Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(request));
        Assert.Equal(AltoError.InvalidFieldValue("endpoints/srcs", "altogwpeer:1Ab-_09zZ"), refused.Error);

        var written = AltoJsonWriter.Write(request, EndpointNameGrammar.Gateway);
        Assert.Equal(
            """{"cost-type":{"cost-mode":"ordinal","cost-metric":"routingcost"},"endpoints":{"srcs":["altogwpeer:1Ab-_09zZ"],"dsts":["ipv4:192.0.2.89"]}}""",
            Encoding.UTF8.GetString(written));
        Assert.True(AltoJsonReader.TryReadEndpointCostRequest(written, out _, out _, grammar: EndpointNameGrammar.Gateway));
    }

    [Fact]
    public void The_writer_keys_answers_by_extension_names_only_with_the_gateway_grammar()
    {
        var costs = new EndpointCostResponse
        {
            Meta = new ResponseMeta { CostType = new CostType(CostMode.Numerical, CostMetric.RoutingCost) },
            EndpointCostMap = new() { ["altogwpeer:1Ab-_09zZ"] = new() { ["altogwipv4port:192.0.2.1:6881"] = 2.5 } },
        };
        var properties = new EndpointPropertyResponse
        {
            EndpointProperties = new() { ["altogwipv6port:[2001:DB8::1]:6881/udp"] = new() { ["my-default-network-map.pid"] = "pid1" } },
        };
        var eps = new EndpointPropertyRequest { Properties = ["my-default-network-map.pid"], Endpoints = ["altogwpeer:1Ab-_09zZ"] };

        Assert.Equal(AltoError.InvalidFieldValue("endpoint-cost-map", "altogwpeer:1Ab-_09zZ"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(costs)).Error);
        Assert.Equal(AltoError.InvalidFieldValue("endpoint-properties", "altogwipv6port:[2001:DB8::1]:6881/udp"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(properties)).Error);
        Assert.Equal(AltoError.InvalidFieldValue("endpoints", "altogwpeer:1Ab-_09zZ"),
            Assert.Throws<AltoValidationException>(() => AltoJsonWriter.Write(eps)).Error);

        Assert.Equal(
            """{"meta":{"cost-type":{"cost-mode":"numerical","cost-metric":"routingcost"}},"endpoint-cost-map":{"altogwpeer:1Ab-_09zZ":{"altogwipv4port:192.0.2.1:6881":2.5}}}""",
            Encoding.UTF8.GetString(AltoJsonWriter.Write(costs, EndpointNameGrammar.Gateway)));
        Assert.Equal(
            """{"meta":{},"endpoint-properties":{"altogwipv6port:[2001:DB8::1]:6881/udp":{"my-default-network-map.pid":"pid1"}}}""",
            Encoding.UTF8.GetString(AltoJsonWriter.Write(properties, EndpointNameGrammar.Gateway)));
        Assert.Equal(
            """{"properties":["my-default-network-map.pid"],"endpoints":["altogwpeer:1Ab-_09zZ"]}""",
            Encoding.UTF8.GetString(AltoJsonWriter.Write(eps, EndpointNameGrammar.Gateway)));
    }

    /// <summary>
    /// One random input: TryParse does not throw, its result and error agree, a parsed name keeps its
    /// text, and its canonical form parses to the same endpoint (and is a fixed point).
    /// </summary>
    private static bool CheckRoundTrip(string text)
    {
        var ok = GatewayEndpointName.TryParse(text, out var name, out var error);
        Assert.Equal(ok, error == EndpointAddressError.None);
        Assert.Equal(ok, name is not null);
        if (!ok)
        {
            return false;
        }

        Assert.Equal(text, name!.Text);
        var canonical = name.ToCanonicalString();
        Assert.True(GatewayEndpointName.TryParse(canonical, out var again, out var againError), $"'{canonical}' (from '{text}') does not parse: {againError}");
        Assert.Equal((name.Kind, name.Address, name.Port, name.Transport, name.PeerId), (again!.Kind, again.Address, again.Port, again.Transport, again.PeerId));
        Assert.Equal(canonical, again.ToCanonicalString());
        return true;
    }
}
