using AltoGateway.Alto.Addressing;
using AltoGateway.Discovery.Responder;
using static AltoGateway.Discovery.Tests.Responder.ResponderFixture;

namespace AltoGateway.Discovery.Tests.Responder;

/// <summary>Zones built from settings: apexes, serials, and every setting that makes no zone.</summary>
public class ResponderZoneSetTests
{
    [Fact]
    public void Zones_have_their_apexes_cut_to_a_label_boundary_and_groups_of_prefixes_share_one()
    {
        var settings = Settings with
        {
            ReversePrefixes =
            [
                Prefix("198.51.100.0/28"), Prefix("198.51.100.64/28"), Prefix("203.0.113.0/24"), Prefix("2001:db8:0:10::/60"),
            ],
        };

        Assert.True(ResponderZoneSet.TryBuild(settings, out var zones, out _));

        Assert.Equal(
            ["example.net.", "100.51.198.in-addr.arpa.", "113.0.203.in-addr.arpa.", "1.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa."],
            zones.Zones.Select(z => z.Apex));
        Assert.Equal(2, zones.Zones[1].Prefixes.Count);
    }

    [Fact]
    public void A_pool_smaller_than_the_apex_has_names_for_its_own_addresses_only()
    {
        var answerer = Answerer(Settings with { ReversePrefixes = [Prefix("198.51.100.16/28")] });

        Assert.Single(Ask(answerer, Query("20.100.51.198.in-addr.arpa.", 35)).Response.Answers);
        Assert.Equal((int)ResponseCode.NXDomain, Ask(answerer, Query("40.100.51.198.in-addr.arpa.", 35)).Response.ResponseCode);
    }

    [Fact]
    public void A_pool_published_at_R24_holds_the_NAPTR_at_its_apex_together_with_SOA_and_NS()
    {
        var answerer = Answerer(Settings with { ReversePrefixes = [Prefix("198.51.100.0/24")], Ipv4ReverseLevel = 24 });

        Assert.Single(Ask(answerer, Query("100.51.198.in-addr.arpa.", 35)).Response.Answers);
        Assert.Single(Ask(answerer, Query("100.51.198.in-addr.arpa.", 6)).Response.Answers);
        Assert.Equal((int)ResponseCode.NXDomain, Ask(answerer, Query("1.100.51.198.in-addr.arpa.", 35)).Response.ResponseCode);
    }

    [Fact]
    public void The_serial_changes_exactly_when_the_zone_content_changes()
    {
        static uint Serial(ResponderSettings settings) =>
            ResponderZoneSet.TryBuild(settings, out var zones, out _) ? zones.Zones[0].Serial : throw new InvalidOperationException();

        var serial = Serial(Settings);
        Assert.Equal(serial, Serial(Settings with { }));
        Assert.Equal(serial, Serial(Settings with { ReverseDirectoryUris = ["https://other.example/ird"] })); // another zone changed
        Assert.NotEqual(serial, Serial(Settings with { AccessDirectoryUris = ["https://other.example/ird"] }));
        Assert.NotEqual(serial, Serial(Settings with { RecordTtl = 60 }));
        Assert.NotEqual(serial, Serial(Settings with { NameServer = "ns2.example.net." }));
    }

    [Fact]
    public void Reverse_serials_follow_the_pool_and_the_level()
    {
        static uint Serial(ResponderSettings settings) =>
            ResponderZoneSet.TryBuild(settings, out var zones, out _) ? zones.Zones[1].Serial : throw new InvalidOperationException();

        var serial = Serial(Settings);
        Assert.NotEqual(serial, Serial(Settings with { ReversePrefixes = [Prefix("198.51.100.0/25")] }));
        Assert.NotEqual(serial, Serial(Settings with { ReversePrefixes = [Prefix("198.51.100.0/24")], Ipv4ReverseLevel = 24 }));
    }

    [Theory]
    [InlineData("Ipv4ReverseLevel", 20, "203.0.113.0/24")]
    [InlineData("ReversePrefixes:0", 16, "203.0.113.0/24")]
    [InlineData("ReversePrefixes:0", 32, "10.0.0.0/7")]
    [InlineData("ReversePrefixes:1", 32, "203.0.113.0/24", "203.0.113.128/25")]
    public void Reverse_settings_that_make_no_zone_are_named(string setting, int level, params string[] prefixes)
    {
        var settings = Settings with { Ipv4ReverseLevel = level, ReversePrefixes = [.. prefixes.Select(Prefix)] };

        Assert.False(ResponderZoneSet.TryBuild(settings, out _, out var problems));

        Assert.Contains(problems, p => p.Setting == setting);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = new ResponderSettings
        {
            AccessDomains = [Domain("example.net"), Domain("EXAMPLE.net."), Domain("1.0.10.in-addr.arpa")],
            AccessDirectoryUris = ["ftp://alto.example.net/ird", "https://alto.example.net/" + new string('x', 250), "https://ok.example/ird"],
            ReversePrefixes = [Prefix("2001:db8::/48")],
            Ipv6ReverseLevel = 60,
            NameServer = "bad..name",
            RecordTtl = uint.MaxValue,
            UdpPayloadSize = 100,
        };

        Assert.False(ResponderZoneSet.TryBuild(settings, out _, out var problems));

        Assert.Equal(
            ["AccessDirectoryUris:0", "AccessDirectoryUris:1", "AccessDomains:1", "AccessDomains:2", "Ipv6ReverseLevel", "NameServer", "RecordTtl", "ReverseDirectoryUris", "UdpPayloadSize"],
            problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nothing_to_serve_is_a_problem()
    {
        Assert.False(ResponderZoneSet.TryBuild(new ResponderSettings(), out _, out var problems));

        Assert.Equal("", Assert.Single(problems).Setting);
    }

    [Fact]
    public void A_URI_with_the_regexp_delimiter_is_escaped_and_still_read_back()
    {
        var uri = "https://alto.example.net/ird!x";
        var answerer = Answerer(Settings with { AccessDirectoryUris = [uri] });

        var naptr = answerer.Zones.Zones[0].NaptrRecords[0];
        Assert.Equal("!.*!https://alto.example.net/ird\\!x!", naptr.Regexp);
        Assert.True(AltoGateway.Discovery.Naptr.UNaptrTarget.TryFrom(naptr, out var target, out _));
        Assert.Equal(uri, target.Uri.OriginalString);
    }

    private static AddressPrefix Prefix(string text) =>
        AddressPrefix.Parse(text.Contains(':', StringComparison.Ordinal) ? EndpointAddressType.Ipv6 : EndpointAddressType.Ipv4, text);
}
