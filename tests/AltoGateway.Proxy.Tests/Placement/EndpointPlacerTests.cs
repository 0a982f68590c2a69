using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Nat;
using AltoGateway.Nat.Resolution;
using AltoGateway.Proxy.Placement;
using static AltoGateway.Proxy.Tests.NatFixture;

namespace AltoGateway.Proxy.Tests.Placement;

public class EndpointPlacerTests
{
    private const string SharedAddressNote =
        "the public address is shared by several subscribers, so the peer was ranked by it; name the peer by address and port or by peer ID for a precise answer";

    private readonly NatFixture _cgn = Cgn();
    private readonly NatFixture _home = Home();

    [Theory]
    [InlineData("ipv4:203.0.113.5", "ipv4:100.64.0.10")] // the only subscriber using it (NAT map)
    [InlineData("ipv6:2001:DB8:FFFF::1", "ipv6:2001:db8:1::10")]
    public void Cgn_an_address_used_by_exactly_one_subscriber_is_asked_as_its_internal_address(string name, string askAs)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertPlaced(placement, name, askAs, insideLan: false);
    }

    [Theory]
    [InlineData("ipv4:203.0.113.6")] // two subscribers in the NAT map
    [InlineData("ipv4:192.0.2.1")] // an RFC 7422 pool address with compression 14
    public void Cgn_a_shared_address_is_asked_as_itself_with_an_approximation_note(string name)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertPlaced(placement, name, name, insideLan: false, SharedAddressNote);
    }

    [Fact]
    public void Cgn_an_address_and_port_mapped_to_different_subscribers_per_protocol_is_asked_as_the_address_with_a_note()
    {
        _cgn.AddStatic(NatProtocol.Tcp, "100.64.0.13", 7000, "203.0.113.6", 6881);

        AssertPlaced(CgnPlacer().Place(Name("altogwipv4port:203.0.113.6:6881")), "altogwipv4port:203.0.113.6:6881", "ipv4:203.0.113.6", insideLan: false, SharedAddressNote);
        AssertPlaced(CgnPlacer().Place(Name("altogwipv4port:203.0.113.6:6881/tcp")), "altogwipv4port:203.0.113.6:6881/tcp", "ipv4:100.64.0.13", insideLan: false);
        AssertPlaced(CgnPlacer().Place(Name("altogwipv4port:203.0.113.6:6881/udp")), "altogwipv4port:203.0.113.6:6881/udp", "ipv4:100.64.0.11", insideLan: false);
    }

    [Theory]
    [InlineData("ipv4:198.18.0.1", "ipv4:198.18.0.1")]
    [InlineData("ipv6:2001:DB8:BEEF::7", "ipv6:2001:db8:beef::7")]
    public void Cgn_an_address_not_of_this_nat_is_asked_unchanged(string name, string askAs)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertPlaced(placement, name, askAs, insideLan: false);
    }

    [Theory]
    [InlineData("altogwipv4port:203.0.113.5:6881", "ipv4:100.64.0.10")] // static mapping, any protocol
    [InlineData("altogwipv4port:203.0.113.5:6881/tcp", "ipv4:100.64.0.10")]
    [InlineData("altogwipv4port:203.0.113.6:51413/udp", "ipv4:100.64.0.12")] // a port tells two subscribers of one address apart
    [InlineData("altogwipv4port:203.0.113.6:6881", "ipv4:100.64.0.11")]
    [InlineData("altogwipv6port:[2001:db8:ffff::1]:6881", "ipv6:2001:db8:1::10")]
    [InlineData("altogwipv4port:192.0.2.1:2001", "ipv4:198.51.100.1")] // RFC 7422 §2.3: 1024–5055 is .1's block
    [InlineData("altogwipv4port:192.0.2.1:57471/udp", "ipv4:198.51.100.14")] // the last port of .14's block
    public void Cgn_an_address_and_port_with_a_mapping_or_a_port_block_is_asked_as_the_internal_address(string name, string askAs)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertPlaced(placement, name, askAs, insideLan: false);
    }

    [Theory]
    [InlineData("altogwipv4port:203.0.113.5:7000")] // a public address of this NAT, no mapping for the port
    [InlineData("altogwipv4port:203.0.113.5:6881/udp")] // mapped for tcp only
    [InlineData("altogwipv4port:192.0.2.1:80")] // a reserved port of the plan
    [InlineData("altogwipv4port:192.0.2.1:60000")] // the plan's dynamic pool, nothing in the NAT map
    [InlineData("altogwipv6port:[2001:db8:ffff::1]:7000")]
    public void Cgn_an_address_and_port_of_this_nat_without_a_mapping_is_not_placed(string name)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertNot(placement, name, UnresolvedReason.NoMapping);
    }

    [Theory]
    [InlineData("altogwipv4port:198.18.0.1:6881/tcp", "ipv4:198.18.0.1")]
    [InlineData("altogwipv6port:[2001:DB8:BEEF::7]:51413", "ipv6:2001:db8:beef::7")]
    public void Cgn_an_address_and_port_of_another_network_is_asked_as_the_plain_address(string name, string askAs)
    {
        var placement = CgnPlacer().Place(Name(name));

        AssertPlaced(placement, name, askAs, insideLan: false);
    }

    [Theory]
    [InlineData("100.64.0.10", "ipv4:100.64.0.10")] // present through a NAT-map mapping
    [InlineData("198.51.100.5", "ipv4:198.51.100.5")] // present through its port block
    [InlineData("2001:db8:1::10", "ipv6:2001:db8:1::10")]
    public void Cgn_a_valid_peer_id_is_asked_as_the_internal_address(string subscriber, string askAs)
    {
        var name = _cgn.PeerIdOf(subscriber);

        AssertPlaced(CgnPlacer().Place(Name(name)), name, askAs, insideLan: false);
    }

    [Fact]
    public void Cgn_a_peer_id_past_its_period_and_grace_is_expired()
    {
        var name = _cgn.PeerIdOf("100.64.0.10");
        _cgn.Time.Advance(PeerIdSettings.RotationPeriod + PeerIdSettings.Grace);

        AssertNot(CgnPlacer().Place(Name(name)), name, UnresolvedReason.PeerIdExpired);
    }

    [Fact]
    public void Cgn_a_peer_id_within_the_grace_of_the_next_epoch_still_resolves()
    {
        var name = _cgn.PeerIdOf("100.64.0.10");
        _cgn.Time.Advance(TimeSpan.FromHours(23)); // 11:00 of the next day: the grace runs until noon

        AssertPlaced(CgnPlacer().Place(Name(name)), name, "ipv4:100.64.0.10", insideLan: false);
    }

    [Theory]
    [InlineData("altogwpeer:garbage")]
    [InlineData("altogwpeer:1AAAA")]
    [InlineData("altogwpeer:2AAAAAAAAAAAAAAAAAAAAAAAAAA")] // the right length, an unknown version
    public void Cgn_a_name_that_is_no_peer_id_of_this_format_is_foreign(string name)
    {
        AssertNot(CgnPlacer().Place(Name(name)), name, UnresolvedReason.PeerIdForeign);
    }

    [Fact]
    public void Cgn_a_peer_id_made_with_another_key_is_unknown_because_the_issuer_cannot_tell_it_from_a_forgotten_one()
    {
        // PeerIdIssuer resolves IDs by look-up, not by a MAC check: another agent's well-formed ID is
        // indistinguishable from one of ours whose subscriber left, and both are "unknown".
        var other = new AltoGateway.Nat.PeerIds.PeerIdIssuer(Key(99), PeerIdSettings, _cgn.Time);
        var name = GatewayEndpointName.PeerIdType + ":" + other.Issue(IPAddress.Parse("100.64.0.10")).Value;

        AssertNot(CgnPlacer().Place(Name(name)), name, UnresolvedReason.PeerIdUnknown);
    }

    [Fact]
    public void Cgn_a_peer_id_of_a_subscriber_who_is_not_behind_the_nat_is_unknown()
    {
        var name = _cgn.PeerIdOf("100.64.0.99"); // issued, but no mapping and no port block

        AssertNot(CgnPlacer().Place(Name(name)), name, UnresolvedReason.PeerIdUnknown);
    }

    [Fact]
    public void A_peer_id_when_this_agent_issues_none_is_peer_ids_off_and_nothing_is_resolved()
    {
        var told = new List<(GatewayEndpointKind, ResolutionOutcome)>();
        var placer = new EndpointPlacer(ProxyMode.Cgn, _cgn.Resolver, [], issuesPeerIds: false, (k, o, n) => told.AddRange(Enumerable.Repeat((k, o), n)));
        var name = _cgn.PeerIdOf("100.64.0.10");

        AssertNot(placer.Place(Name(name)), name, UnresolvedReason.PeerIdsOff);
        Assert.Empty(told);
    }

    [Fact]
    public void Cgn_the_resolved_callback_is_told_every_resolution()
    {
        var told = new List<(GatewayEndpointKind, ResolutionOutcome)>();
        var placer = new EndpointPlacer(ProxyMode.Cgn, _cgn.Resolver, [], issuesPeerIds: true, (k, o, n) => told.AddRange(Enumerable.Repeat((k, o), n)));
        var expired = _cgn.PeerIdOf("100.64.0.12");
        _cgn.Time.Advance(TimeSpan.FromDays(2));

        foreach (var name in new[]
        {
            "ipv4:203.0.113.5", "ipv4:203.0.113.6", "ipv4:198.18.0.1",
            "altogwipv4port:192.0.2.1:2001", "altogwipv4port:203.0.113.5:7000", "altogwipv4port:198.18.0.1:1",
            _cgn.PeerIdOf("100.64.0.10"), expired, "altogwpeer:garbage",
        })
        {
            placer.Place(Name(name));
        }

        Assert.Equal(
            [
                (GatewayEndpointKind.Address, ResolutionOutcome.Found),
                (GatewayEndpointKind.Address, ResolutionOutcome.Ambiguous),
                (GatewayEndpointKind.Address, ResolutionOutcome.Unknown),
                (GatewayEndpointKind.AddressAndPort, ResolutionOutcome.Found),
                (GatewayEndpointKind.AddressAndPort, ResolutionOutcome.Unknown),
                (GatewayEndpointKind.AddressAndPort, ResolutionOutcome.Unknown),
                (GatewayEndpointKind.PeerId, ResolutionOutcome.Found),
                (GatewayEndpointKind.PeerId, ResolutionOutcome.Expired),
                (GatewayEndpointKind.PeerId, ResolutionOutcome.Malformed),
            ],
            told);
    }

    [Fact]
    public void Cgn_placing_a_whole_request_tells_the_callback_once_per_kind_and_outcome_with_the_count()
    {
        var told = new List<(GatewayEndpointKind, ResolutionOutcome, int)>();
        var placer = new EndpointPlacer(ProxyMode.Cgn, _cgn.Resolver, [], issuesPeerIds: true, (k, o, n) => told.Add((k, o, n)));
        string[] texts =
        [
            "altogwipv4port:192.0.2.1:2001", "ipv4:203.0.113.5", "altogwipv4port:203.0.113.5:7000",
            "altogwipv4port:192.0.2.1:2001", "ipv4:203.0.113.6", "altogwipv4port:203.0.113.5:6881",
            "altogwpeer:garbage", "ipv4:198.18.0.1",
        ];

        var placements = placer.PlaceAll([.. texts.Select(Name)]);

        Assert.Equal(texts, placements.Select(p => p.Name.Text));
        Assert.Equal("ipv4:100.64.0.10", placements[5].AskAs.ToString());
        Assert.Equal(
            [
                (GatewayEndpointKind.Address, ResolutionOutcome.Found, 1),
                (GatewayEndpointKind.Address, ResolutionOutcome.Unknown, 1),
                (GatewayEndpointKind.Address, ResolutionOutcome.Ambiguous, 1),
                (GatewayEndpointKind.AddressAndPort, ResolutionOutcome.Found, 3),
                (GatewayEndpointKind.AddressAndPort, ResolutionOutcome.Unknown, 1),
                (GatewayEndpointKind.PeerId, ResolutionOutcome.Malformed, 1),
            ],
            told);
    }

    [Fact]
    public void The_tally_has_a_slot_for_every_kind_and_outcome()
    {
        var told = new List<(GatewayEndpointKind, ResolutionOutcome, int)>();
        var tally = new ResolutionTally();
        foreach (var kind in Enum.GetValues<GatewayEndpointKind>())
        {
            foreach (var outcome in Enum.GetValues<ResolutionOutcome>())
            {
                tally.Count(kind, outcome);
            }
        }

        tally.Report((k, o, n) => told.Add((k, o, n)));

        Assert.Equal(Enum.GetValues<GatewayEndpointKind>().Length * Enum.GetValues<ResolutionOutcome>().Length, told.Count);
        Assert.All(told, t => Assert.Equal(1, t.Item3));
        Assert.Equal(told.Count, told.Distinct().Count());
    }

    [Theory]
    [InlineData("ipv6:2001:db8:ffff::1")] // configured
    [InlineData("ipv4:203.0.113.5")] // known only from the NAT map
    [InlineData("altogwipv4port:203.0.113.5:6881")]
    [InlineData("altogwipv4port:203.0.113.5:40000/udp")] // behind a home gateway the address alone says so
    [InlineData("altogwipv6port:[2001:DB8:FFFF::1]:6881")]
    public void Home_the_gateways_public_address_is_inside_the_lan_and_asked_as_itself(string name)
    {
        var placement = HomePlacer([IPAddress.Parse("2001:db8:ffff::1")]).Place(Name(name));

        AssertPlaced(placement, name, Name(name).Address.ToString(), insideLan: true);
    }

    [Theory]
    [InlineData("ipv4:198.18.0.1", "ipv4:198.18.0.1")]
    [InlineData("ipv4:203.0.113.6", "ipv4:203.0.113.6")]
    [InlineData("altogwipv4port:198.18.0.1:6881", "ipv4:198.18.0.1")]
    [InlineData("ipv6:2001:DB8::2", "ipv6:2001:db8::2")]
    public void Home_other_addresses_are_not_inside_the_lan(string name, string askAs)
    {
        var placement = HomePlacer([IPAddress.Parse("2001:db8:ffff::1")]).Place(Name(name));

        AssertPlaced(placement, name, askAs, insideLan: false);
    }

    [Theory]
    [InlineData(new[] { "2001:db8:ffff::1", "198.51.100.200" }, "ipv4:198.51.100.200")] // IPv4 preferred
    [InlineData(new[] { "2001:db8:ffff::1" }, "ipv6:2001:db8:ffff::1")] // configured before the NAT map's
    [InlineData(new[] { "2001:db8:ffff::1", "2001:db8:ffff::2" }, "ipv6:2001:db8:ffff::1")] // no IPv4: the first
    [InlineData(new string[0], "ipv4:203.0.113.5")] // none configured: the NAT map's
    public void Home_a_peer_id_is_asked_as_the_gateways_public_address_and_inside_the_lan(string[] configured, string askAs)
    {
        var name = _home.PeerIdOf("192.168.1.10");
        var placer = HomePlacer([.. configured.Select(IPAddress.Parse)]);

        AssertPlaced(placer.Place(Name(name)), name, askAs, insideLan: true);
    }

    [Fact]
    public void Home_a_peer_id_without_any_public_address_is_not_placed()
    {
        // The subscriber's last mapping goes between the peer-ID resolution and the public-address
        // look-up (a conntrack delete racing the query): neither configuration nor the map has an address.
        var name = _home.PeerIdOf("192.168.1.11");
        var placer = new EndpointPlacer(ProxyMode.Home, _home.Resolver, [], issuesPeerIds: true);
        // The map reads the clock once to find the subscriber present, once to list its mappings.
        _home.Time.OnTimestampRead(2, () => Assert.True(_home.Map.Remove(NatProtocol.Udp, IPAddress.Parse("203.0.113.5"), 51413)));

        AssertNot(placer.Place(Name(name)), name, UnresolvedReason.NoPublicAddress);
        Assert.True(_home.Time.Happened);
    }

    [Fact]
    public void Home_unresolvable_peer_ids_are_reported_as_in_cgn_mode()
    {
        var expired = _home.PeerIdOf("192.168.1.10");
        _home.Time.Advance(TimeSpan.FromDays(2));
        var placer = HomePlacer([]);

        AssertNot(placer.Place(Name(expired)), expired, UnresolvedReason.PeerIdExpired);
        AssertNot(placer.Place(Name("altogwpeer:garbage")), "altogwpeer:garbage", UnresolvedReason.PeerIdForeign);
        AssertNot(placer.Place(Name(_home.PeerIdOf("192.168.1.99"))), _home.PeerIdOf("192.168.1.99"), UnresolvedReason.PeerIdUnknown);
    }

    [Fact]
    public void Home_addresses_are_not_resolved_and_peer_ids_are()
    {
        var told = new List<(GatewayEndpointKind, ResolutionOutcome)>();
        var placer = new EndpointPlacer(ProxyMode.Home, _home.Resolver, [], issuesPeerIds: true, (k, o, n) => told.AddRange(Enumerable.Repeat((k, o), n)));

        placer.Place(Name("ipv4:203.0.113.5"));
        placer.Place(Name("altogwipv4port:203.0.113.5:6881"));
        placer.Place(Name(_home.PeerIdOf("192.168.1.10")));

        Assert.Equal([(GatewayEndpointKind.PeerId, ResolutionOutcome.Found)], told);
    }

    private EndpointPlacer CgnPlacer() => new(ProxyMode.Cgn, _cgn.Resolver, [], issuesPeerIds: true);

    private EndpointPlacer HomePlacer(IReadOnlyList<IPAddress> publicAddresses) => new(ProxyMode.Home, _home.Resolver, publicAddresses, issuesPeerIds: true);

    private static void AssertPlaced(EndpointPlacement placement, string name, string askAs, bool insideLan, string? approximation = null)
    {
        Assert.Equal(name, placement.Name.Text);
        Assert.True(placement.IsPlaced, $"{name} was not placed: {placement.Unresolved}");
        Assert.Null(placement.Unresolved);
        Assert.Equal(askAs, placement.AskAs.ToString());
        Assert.Equal(insideLan, placement.InsideLan);
        Assert.Equal(approximation, placement.Approximation);
    }

    private static void AssertNot(EndpointPlacement placement, string name, UnresolvedReason reason)
    {
        Assert.Equal(name, placement.Name.Text);
        Assert.False(placement.IsPlaced);
        Assert.Equal(reason, placement.Unresolved);
        Assert.False(placement.InsideLan);
        Assert.Null(placement.Approximation);
    }
}
