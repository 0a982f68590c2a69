using System.Net;
using AltoGateway.Dhcp.V4;

namespace AltoGateway.Dhcp.Tests.V4;

/// <summary>Option 82 (RFC 3046): added last by the relay, echoed by the server, stripped toward the client.</summary>
public class DhcpV4RelayAgentOptionTests
{
    private static readonly DhcpV4RelayAgentInformation Information = DhcpV4RelayAgentInformation.Create("eth0.12"u8.ToArray(), "cpe-17"u8.ToArray());

    [Fact]
    public void Relay_adds_82_last_just_before_end_and_leaves_every_other_octet_alone()
    {
        var original = DhcpV4Packets.Request();
        var request = DhcpV4Reader.Read(original) with { GatewayAddress = IPAddress.Parse("192.0.2.254") };

        Assert.True(DhcpV4RelayAgentOption.TryAddToRequest(request, Information, out var forwarded));
        var wire = DhcpV4Writer.Write(forwarded);

        // Options before 82 are the original ones, octet for octet; then 82 with sub-options 1 and 2; then End.
        var originalOptionsLength = Array.IndexOf(original, (byte)0xFF, 240) - 240;
        Assert.Equal(original[240..(240 + originalOptionsLength)], wire[240..(240 + originalOptionsLength)]);
        var at = 240 + originalOptionsLength;
        Assert.Equal(DhcpV4Packets.Hex("5211 0107 657468302e3132 0206 6370652d3137 ff"), wire[at..(at + 20)]);
        Assert.Equal(original[..24], wire[..24]);
        Assert.Equal(DhcpV4Packets.Hex("c00002fe"), wire[24..28]);
        Assert.Equal(original[28..240], wire[28..240]);
    }

    [Fact]
    public void Relay_never_adds_a_second_82()
    {
        var request = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 01 5203 0101 61 ff"));
        Assert.False(DhcpV4RelayAgentOption.TryAddToRequest(request, Information, out var forwarded));
        Assert.Same(request, forwarded);
        Assert.True(DhcpV4RelayAgentOption.CarriesOptionWithoutGatewayAddress(request));
    }

    [Fact]
    public void Request_with_82_from_another_relay_is_not_suspect()
    {
        var request = DhcpV4Reader.Read(DhcpV4Packets.Build(1, "3501 01 5203 0101 61 ff", giaddr: "192.0.2.254"));
        Assert.False(DhcpV4RelayAgentOption.CarriesOptionWithoutGatewayAddress(request));
    }

    [Fact]
    public void Server_echoes_82_unchanged_as_the_last_option()
    {
        Assert.True(DhcpV4RelayAgentOption.TryAddToRequest(DhcpV4Reader.Read(DhcpV4Packets.Request()), Information, out var request));
        var reply = DhcpV4Reader.Read(DhcpV4Packets.Ack());

        var echoed = DhcpV4RelayAgentOption.EchoInReply(request, reply);

        Assert.Equal(reply.Options.Select(o => o.Code).Append(DhcpV4OptionCode.RelayAgentInformation), echoed.Options.Select(o => o.Code));
        Assert.Equal(Information.ToOption().Data.ToArray(), echoed.Options[^1].Data.ToArray());
    }

    [Fact]
    public void Relay_strips_82_toward_the_client_and_the_rest_is_octet_identical()
    {
        var plainAck = DhcpV4Packets.Ack();
        Assert.True(DhcpV4RelayAgentOption.TryAddToRequest(DhcpV4Reader.Read(DhcpV4Packets.Request()), Information, out var request));
        var fromServer = DhcpV4Writer.Write(DhcpV4RelayAgentOption.EchoInReply(request, DhcpV4Reader.Read(plainAck)));
        Assert.NotEqual(plainAck, fromServer);

        var toClient = DhcpV4RelayAgentOption.StripFromReply(DhcpV4Reader.Read(fromServer), out var echoed);

        Assert.Equal(plainAck, DhcpV4Writer.Write(toClient));
        Assert.Equal("eth0.12"u8.ToArray(), echoed!.CircuitId!.Value.ToArray());
        Assert.Equal("cpe-17"u8.ToArray(), echoed.RemoteId!.Value.ToArray());
    }

    [Fact]
    public void Option_82_needs_at_least_one_sub_option() =>
        Assert.Throws<ArgumentException>(() => DhcpV4RelayAgentInformation.Create(null, null));
}
