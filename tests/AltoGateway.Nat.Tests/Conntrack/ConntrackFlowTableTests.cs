using System.Net;
using AltoGateway.Nat.Conntrack;

namespace AltoGateway.Nat.Tests.Conntrack;

public sealed class ConntrackFlowTableTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_flow_is_upserted_with_its_timeout_and_removed_when_destroyed()
    {
        var table = new ConntrackFlowTable();

        var created = table.Apply(Flow(ConntrackEventKind.New, id: 1, internalPort: 40001, timeout: 120), Now);
        var destroyed = table.Apply(Flow(ConntrackEventKind.Destroy, id: 1, internalPort: 40001, timeout: null), Now);

        Assert.Equal(ConntrackMapAction.Upsert, created.Action);
        Assert.Equal(TimeSpan.FromSeconds(120), created.Lifetime);
        Assert.Equal(IPAddress.Parse("10.77.0.2"), created.Mapping.InternalAddress);
        Assert.Equal(ConntrackMapAction.Remove, destroyed.Action);
        Assert.Equal(20000, destroyed.Mapping.ExternalPort);
        Assert.Equal(0, table.MappingCount);
        Assert.Equal(0, table.FlowCount);
    }

    [Fact]
    public void A_mapping_shared_by_two_flows_is_removed_with_the_last_one()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.New, id: 1, remote: "192.0.2.100"), Now);
        table.Apply(Flow(ConntrackEventKind.New, id: 2, remote: "192.0.2.101"), Now);
        table.Apply(Flow(ConntrackEventKind.Update, id: 2, remote: "192.0.2.101"), Now);

        var first = table.Apply(Flow(ConntrackEventKind.Destroy, id: 1, remote: "192.0.2.100", timeout: null), Now);
        var second = table.Apply(Flow(ConntrackEventKind.Destroy, id: 2, remote: "192.0.2.101", timeout: null), Now);

        Assert.Equal(ConntrackMapAction.None, first.Action);
        Assert.Equal(ConntrackMapAction.Remove, second.Action);
    }

    [Fact]
    public void A_mapping_lives_as_long_as_its_longest_flow()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.Update, id: 1, remote: "192.0.2.100", timeout: 432000), Now);

        var shorter = table.Apply(Flow(ConntrackEventKind.New, id: 2, remote: "192.0.2.101", timeout: 120), Now + TimeSpan.FromSeconds(10));

        Assert.Equal(ConntrackMapAction.Upsert, shorter.Action);
        Assert.Equal(TimeSpan.FromSeconds(432000 - 10), shorter.Lifetime);
    }

    [Theory]
    [InlineData(6, 5 * 24 * 3600)]
    [InlineData(17, 180)]
    [InlineData(132, 210)]
    public void Without_CTA_TIMEOUT_the_protocol_default_applies(byte protocol, int seconds)
    {
        var table = new ConntrackFlowTable();

        var update = table.Apply(Flow(ConntrackEventKind.Update, id: 1, timeout: null, protocol: protocol), Now);

        Assert.Equal(TimeSpan.FromSeconds(seconds), update.Lifetime);
    }

    [Fact]
    public void Flows_that_are_not_NATed_or_not_TCP_UDP_SCTP_change_nothing()
    {
        var table = new ConntrackFlowTable();
        var plain = new ConntrackEvent(ConntrackEventKind.New, ConntrackAddressFamily.IPv4,
            new ConntrackTuple(IPAddress.Parse("192.0.2.1"), 5000, IPAddress.Parse("192.0.2.100"), 22, 6),
            new ConntrackTuple(IPAddress.Parse("192.0.2.100"), 22, IPAddress.Parse("192.0.2.1"), 5000, 6), null, 1, null, null);

        Assert.Equal(new ConntrackMapUpdate(ConntrackMapAction.None, ConntrackMappingOutcome.NotNatted, default, TimeSpan.Zero), table.Apply(plain, Now));
        Assert.Equal(ConntrackMappingOutcome.UnsupportedProtocol, table.Apply(Flow(ConntrackEventKind.New, id: 2, protocol: 1), Now).Outcome);
        Assert.Equal(0, table.MappingCount);
    }

    [Fact]
    public void The_destroy_of_an_unknown_flow_removes_only_an_unused_mapping()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.New, id: 1, remote: "192.0.2.100"), Now);

        var heldByAnother = table.Apply(Flow(ConntrackEventKind.Destroy, id: 9, remote: "192.0.2.101", timeout: null), Now);
        var unused = table.Apply(Flow(ConntrackEventKind.Destroy, id: 10, internalPort: 5, externalPort: 20999, timeout: null), Now);

        Assert.Equal(ConntrackMapAction.None, heldByAnother.Action);
        Assert.Equal(ConntrackMapAction.Remove, unused.Action);
        Assert.Equal(1, table.MappingCount);
    }

    [Fact]
    public void After_clear_an_update_of_a_flow_counts_it_again()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.New, id: 1), Now);
        table.Apply(Flow(ConntrackEventKind.New, id: 2, remote: "192.0.2.101"), Now);
        table.Clear();

        table.Apply(Flow(ConntrackEventKind.Update, id: 1), Now);
        var destroyed = table.Apply(Flow(ConntrackEventKind.Destroy, id: 1, timeout: null), Now);

        Assert.Equal(ConntrackMapAction.Remove, destroyed.Action);
        Assert.Equal(0, table.FlowCount);
    }

    [Fact]
    public void Flows_without_CTA_ID_count_once()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.New, id: null), Now);
        table.Apply(Flow(ConntrackEventKind.Update, id: null), Now);

        Assert.Equal(ConntrackMapAction.Remove, table.Apply(Flow(ConntrackEventKind.Destroy, id: null, timeout: null), Now).Action);
    }

    [Fact]
    public void IPv6_and_IPv4_external_sides_are_different_mappings()
    {
        var table = new ConntrackFlowTable();
        table.Apply(Flow(ConntrackEventKind.New, id: 1), Now);
        table.Apply(new ConntrackEvent(ConntrackEventKind.New, ConntrackAddressFamily.IPv6,
            new ConntrackTuple(IPAddress.Parse("fd77::2"), 40001, IPAddress.Parse("2001:db8::100"), 7000, 6),
            new ConntrackTuple(IPAddress.Parse("2001:db8::100"), 7000, IPAddress.Parse("::c633:640a"), 20000, 6), null, 2, null, null), Now);

        Assert.Equal(2, table.MappingCount);
    }

    private static ConntrackEvent Flow(
        ConntrackEventKind kind,
        uint? id,
        ushort internalPort = 40001,
        string remote = "192.0.2.100",
        ushort externalPort = 20000,
        uint? timeout = 120,
        byte protocol = 6) =>
        new(kind, ConntrackAddressFamily.IPv4,
            new ConntrackTuple(IPAddress.Parse("10.77.0.2"), internalPort, IPAddress.Parse(remote), 7000, protocol),
            new ConntrackTuple(IPAddress.Parse(remote), 7000, IPAddress.Parse("198.51.100.10"), externalPort, protocol),
            timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            id,
            null,
            null);
}
