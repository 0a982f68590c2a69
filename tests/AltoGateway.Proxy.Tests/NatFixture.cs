using System.Buffers.Text;
using System.Net;
using AltoGateway.Alto.Addressing;
using AltoGateway.Nat;
using AltoGateway.Nat.Map;
using AltoGateway.Nat.PeerIds;
using AltoGateway.Nat.PortBlocks;
using AltoGateway.Nat.Resolution;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Proxy.Tests;

/// <summary>
/// A NAT as the proxy sees it, on a fake clock at noon UTC: a NAT map with static mappings, optionally
/// the RFC 7422 §2.3 port-block plan, and a peer-ID issuer with daily epochs and 12 hours of grace
/// (the patterns of AltoGateway.Nat.Tests' SubscriberResolverTests).
/// <list type="bullet">
/// <item><see cref="Cgn"/>: 192.0.2.1 is the plan's outside address (198.51.100.0/28, C = 14, D = 2:
/// port 2001 is 198.51.100.1's); 203.0.113.5 is used by one subscriber (100.64.0.10, tcp 6881),
/// 203.0.113.6 by two (100.64.0.11 udp 6881, 100.64.0.12 udp 51413), 2001:db8:ffff::1 by
/// 2001:db8:1::10 (tcp 6881).</item>
/// <item><see cref="Home"/>: one LAN behind 203.0.113.5: 192.168.1.10 (tcp 6881) and 192.168.1.11 (udp 51413).</item>
/// </list>
/// </summary>
internal sealed class NatFixture
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static readonly PeerIdSettings PeerIdSettings = new()
    {
        RotationPeriod = TimeSpan.FromDays(1),
        Grace = TimeSpan.FromHours(12),
    };

    private NatFixture(bool withPlan)
    {
        Map = new NatMap(new NatMapOptions(), Time);
        Issuer = new PeerIdIssuer(Key(1), PeerIdSettings, Time);
        var plans = new List<DeterministicNatPlan>();
        if (withPlan)
        {
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
            plans.Add(plan);
        }

        Resolver = new SubscriberResolver(Map, plans, Issuer);
    }

    public RacingClock Time { get; } = new(Noon);

    public NatMap Map { get; }

    public PeerIdIssuer Issuer { get; }

    public SubscriberResolver Resolver { get; }

    public static NatFixture Cgn()
    {
        var nat = new NatFixture(withPlan: true);
        nat.AddStatic(NatProtocol.Tcp, "100.64.0.10", 6881, "203.0.113.5", 6881);
        nat.AddStatic(NatProtocol.Udp, "100.64.0.11", 6881, "203.0.113.6", 6881);
        nat.AddStatic(NatProtocol.Udp, "100.64.0.12", 51413, "203.0.113.6", 51413);
        nat.AddStatic(NatProtocol.Tcp, "2001:db8:1::10", 6881, "2001:db8:ffff::1", 6881);
        return nat;
    }

    public static NatFixture Home()
    {
        var nat = new NatFixture(withPlan: false);
        nat.AddStatic(NatProtocol.Tcp, "192.168.1.10", 6881, "203.0.113.5", 6881);
        nat.AddStatic(NatProtocol.Udp, "192.168.1.11", 51413, "203.0.113.5", 51413);
        return nat;
    }

    /// <summary>A fixed key (no RNG): byte i is seed + i.</summary>
    public static PeerIdKey Key(int seed)
    {
        var bytes = Enumerable.Range(0, PeerIdKey.Length).Select(i => (byte)(seed + i)).ToArray();
        Assert.True(PeerIdKey.TryParseKeyFile("altogw-peer-id-key 1\n" + Base64Url.EncodeToString(bytes) + "\n", out var key, out var error), error.ToString());
        return key;
    }

    /// <summary>Parses a name the test knows to be valid.</summary>
    public static GatewayEndpointName Name(string text) =>
        GatewayEndpointName.TryParse(text, out var name, out var error) ? name! : throw new ArgumentException($"{text}: {error}", nameof(text));

    public void AddStatic(NatProtocol protocol, string inside, ushort insidePort, string outside, ushort outsidePort) =>
        Assert.True(Map.Upsert(new NatMapping(protocol, IPAddress.Parse(inside), insidePort, IPAddress.Parse(outside), outsidePort, NatMappingSource.Static), null));

    /// <summary>"altogwpeer:…" for the subscriber's current peer ID.</summary>
    public string PeerIdOf(string subscriber) => GatewayEndpointName.PeerIdType + ":" + Issuer.Issue(IPAddress.Parse(subscriber)).Value;
}
