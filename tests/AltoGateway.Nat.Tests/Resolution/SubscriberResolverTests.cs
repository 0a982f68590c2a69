using System.Net;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.PortBlocks;
using AltoGateway.Nat.Resolution;
using AltoGateway.Nat.Tests.PeerIds;

namespace AltoGateway.Nat.Tests.Resolution;

public class SubscriberResolverTests
{
    private static readonly IPAddress CgnPublic = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress OtherPublic = IPAddress.Parse("203.0.113.5");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = PeerIdFixture.Clock();
    private readonly NatMap _map;
    private readonly SubscriberResolver _resolver;
    private readonly AltoGateway.Nat.PeerIds.PeerIdIssuer _issuer;

    public SubscriberResolverTests()
    {
        _map = new NatMap(new NatMapOptions(), _time);
        _issuer = PeerIdFixture.Issuer(_time);

        // RFC 7422 §2.3: I = 198.51.100.0/28, O = 192.0.2.1, C = 14, D = 2, R = 0-1023, sequential.
        Assert.True(DeterministicNatPlan.TryCreate(
            new DeterministicNatSettings
            {
                InsidePrefix = IPNetwork.Parse("198.51.100.0/28"),
                OutsidePool = [IPNetwork.Parse("192.0.2.1/32")],
                CompressionRatio = 14,
                DynamicPoolFactor = 2,
            },
            out var plan,
            out _));
        _resolver = new SubscriberResolver(_map, [plan], _issuer);
    }

    [Theory]
    [InlineData(2001, "198.51.100.1")]
    [InlineData(5056, "198.51.100.2")]
    [InlineData(57471, "198.51.100.14")]
    public void A_port_in_a_deterministic_block_names_its_subscriber_without_any_state(int port, string subscriber)
    {
        var resolution = _resolver.ByAddressAndPort(CgnPublic, (ushort)port, protocol: null);

        Assert.Equal(ResolutionOutcome.Found, resolution.Outcome);
        Assert.Equal(IPAddress.Parse(subscriber), resolution.Subscriber);
        Assert.Equal(ResolutionSource.PortBlock, resolution.Source);
    }

    [Theory]
    [InlineData(2001, "198.51.100.1")]
    [InlineData(57471, "198.51.100.14")]
    [InlineData(80, null)] // reserved: ByAddressAndPort says why
    [InlineData(58204, null)] // dynamic pool: the NAT map decides
    public void The_numeric_port_block_lookup_names_the_same_subscriber_or_leaves_the_answer_to_the_full_lookup(int port, string? subscriber)
    {
        const uint cgnPublic = 0xC0000201; // 192.0.2.1

        var found = _resolver.TryFindInPortBlocks(cgnPublic, (ushort)port, out var bits, out var ipv4);

        Assert.Equal(subscriber is not null, found);
        if (subscriber is not null)
        {
            Assert.True(ipv4);
            Assert.Equal(_resolver.ByAddressAndPort(CgnPublic, (ushort)port, null).Subscriber, new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)bits)));
            Assert.Equal(IPAddress.Parse(subscriber), new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)bits)));
        }

        Assert.False(_resolver.TryFindInPortBlocks(0xCB007105 /* 203.0.113.5, no plan's */, 6881, out _, out _));
    }

    [Fact]
    public void A_dynamic_pool_port_falls_back_to_the_nat_map()
    {
        Assert.Equal(ResolutionOutcome.Unknown, _resolver.ByAddressAndPort(CgnPublic, 58204, null).Outcome);

        _map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse("198.51.100.9"), 6881, CgnPublic, 58204, NatMappingSource.Conntrack), TimeSpan.FromMinutes(2));
        var resolution = _resolver.ByAddressAndPort(CgnPublic, 58204, null);

        Assert.Equal(SubscriberResolution.Found(IPAddress.Parse("198.51.100.9"), ResolutionSource.NatMap, "mapping of 192.0.2.1:58204"), resolution);
    }

    [Fact]
    public void A_reserved_port_names_nobody()
    {
        var resolution = _resolver.ByAddressAndPort(CgnPublic, 80, null);

        Assert.Equal(ResolutionOutcome.Unknown, resolution.Outcome);
        Assert.Contains("reserved", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cgn_address_alone_is_ambiguous_and_says_what_would_help()
    {
        var resolution = _resolver.ByAddress(CgnPublic);

        Assert.Equal(ResolutionOutcome.Ambiguous, resolution.Outcome);
        Assert.Null(resolution.Subscriber);
        Assert.Equal("192.0.2.1 is shared by up to 14 subscribers (RFC 7422 port blocks); give a port or a peer ID", resolution.Reason);
    }

    [Fact]
    public void An_address_used_by_one_subscriber_names_it_and_by_several_is_ambiguous()
    {
        Assert.Equal(ResolutionOutcome.Unknown, _resolver.ByAddress(OtherPublic).Outcome);
        _map.Upsert(new NatMapping(NatProtocol.Tcp, IPAddress.Parse("192.168.1.10"), 6881, OtherPublic, 6881, NatMappingSource.Static), null);
        Assert.Equal(IPAddress.Parse("192.168.1.10"), _resolver.ByAddress(OtherPublic).Subscriber);

        _map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse("192.168.1.11"), 6881, OtherPublic, 6882, NatMappingSource.Static), null);
        Assert.Equal(ResolutionOutcome.Ambiguous, _resolver.ByAddress(OtherPublic).Outcome);
    }

    [Fact]
    public void Without_a_protocol_a_port_mapped_to_two_subscribers_is_ambiguous()
    {
        _map.Upsert(new NatMapping(NatProtocol.Tcp, IPAddress.Parse("192.168.1.10"), 6881, OtherPublic, 6881, NatMappingSource.Static), null);
        _map.Upsert(new NatMapping(NatProtocol.Udp, IPAddress.Parse("192.168.1.11"), 6881, OtherPublic, 6881, NatMappingSource.Static), null);

        Assert.Equal(ResolutionOutcome.Ambiguous, _resolver.ByAddressAndPort(OtherPublic, 6881, null).Outcome);
        Assert.Equal(IPAddress.Parse("192.168.1.11"), _resolver.ByAddressAndPort(OtherPublic, 6881, NatProtocol.Udp).Subscriber);
    }

    [Fact]
    public void A_peer_id_names_its_subscriber_while_the_subscriber_is_present()
    {
        var subscriber = IPAddress.Parse("192.168.1.23");
        var id = _issuer.Issue(subscriber).Value;
        _map.Upsert(new NatMapping(NatProtocol.Tcp, subscriber, 51000, OtherPublic, 40000, NatMappingSource.Conntrack), TimeSpan.FromMinutes(10));

        Assert.Equal(SubscriberResolution.Found(subscriber, ResolutionSource.PeerId, "peer ID issued by this agent"), _resolver.ByPeerId(id));

        _time.Advance(TimeSpan.FromMinutes(11));
        var left = _resolver.ByPeerId(id);
        Assert.Equal(ResolutionOutcome.Unknown, left.Outcome);
        Assert.Equal("the subscriber with this peer ID has left (no mappings now)", left.Reason);
    }

    [Fact]
    public void A_subscriber_with_a_port_block_is_always_present()
    {
        var id = _issuer.Issue(IPAddress.Parse("198.51.100.5")).Value;

        Assert.Equal(IPAddress.Parse("198.51.100.5"), _resolver.ByPeerId(id).Subscriber);
    }

    [Fact]
    public void Malformed_foreign_and_expired_peer_ids_are_told_apart()
    {
        var id = _issuer.Issue(IPAddress.Parse("198.51.100.5")).Value;
        var other = PeerIdFixture.Issuer(_time, seed: 99).Issue(IPAddress.Parse("198.51.100.5")).Value;

        Assert.Equal(ResolutionOutcome.Malformed, _resolver.ByPeerId("not a peer id").Outcome);
        Assert.Equal(ResolutionOutcome.Unknown, _resolver.ByPeerId(other).Outcome);
        _time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(ResolutionOutcome.Expired, _resolver.ByPeerId(id).Outcome);
    }

    [Fact]
    public void Without_an_issuer_peer_ids_resolve_to_unknown()
    {
        var resolver = new SubscriberResolver(_map, [], peerIds: null);

        Assert.Equal(SubscriberResolution.Not(ResolutionOutcome.Unknown, "this agent issues no peer IDs"), resolver.ByPeerId("1AAAA"));
    }
}
