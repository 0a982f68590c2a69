using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Dhcp.Tests.Alto;
using AltoGateway.Dhcp.V4;
using Microsoft.Extensions.Time.Testing;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.DhcpServer;

/// <summary>
/// A server on <see cref="Small"/>'s pool (192.168.1.0/24, server .1, range .100–.109) with its journal in a
/// temporary directory, a fake clock, router and DNS .1, domain lan.example, and the ALTO options; plus builders of
/// the clients' messages.
/// </summary>
internal sealed class DhcpV4ServerTestBed : IAsyncDisposable
{
    public static readonly Uri DirectoryUri = new("http://192.168.1.1:7285/directory");
    private readonly TemporaryDirectory _directory;

    private DhcpV4ServerTestBed(TemporaryDirectory directory, LeaseStore store, FakeTimeProvider clock, DhcpV4Server server)
    {
        _directory = directory;
        Store = store;
        Clock = clock;
        Server = server;
    }

    public LeaseStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public DhcpV4Server Server { get; }

    /// <summary>Peer IDs are "peer-" and the address.</summary>
    public static string PeerIdOf(IPAddress address) => "peer-" + address;

    public static AltoDhcpSettings Alto(bool alwaysSend = false) => new()
    {
        AccessDomain = AccessDomainOptionTests.Name("example.net"),
        DirectoryUri = DirectoryUri,
        AlwaysSend = alwaysSend,
    };

    public static async Task<DhcpV4ServerTestBed> CreateAsync(bool alwaysSend = false, LeasePool? pool = null)
    {
        var clock = Clock();
        var directory = new TemporaryDirectory();
        var store = await LeaseStore.OpenAsync(pool ?? Small(), Times(), directory.Path, "lan", clock);
        var settings = new DhcpV4ServerSettings { Router = ServerAddress, DnsServers = [ServerAddress], DomainName = "lan.example" };
        var parameters = new DhcpV4ServerParameters(settings, 24, new AltoDhcpOptions(Alto(alwaysSend)));
        return new DhcpV4ServerTestBed(directory, store, clock, new DhcpV4Server(store, parameters, clock));
    }

    public ValueTask<DhcpV4Response> SendAsync(DhcpV4Message message, bool broadcast = true) =>
        Server.RespondAsync(message, broadcast, PeerIdOf, TestContext.Current.CancellationToken);

    /// <summary>A client message from Ethernet client <paramref name="client"/> (02:00:00:00:HI:LO), xid = client number.</summary>
    public static DhcpV4Message Message(
        DhcpV4MessageType type, int client, string prl = "0103060fd5ea7d", IPAddress? ciaddr = null, IPAddress? requested = null, IPAddress? serverId = null,
        IPAddress? giaddr = null, bool broadcastFlag = false)
    {
        var options = new List<DhcpV4Option> { new(DhcpV4OptionCode.MessageType, new[] { (byte)type }) };
        if (requested is not null)
        {
            options.Add(DhcpV4Option.FromAddress(DhcpV4OptionCode.RequestedIpAddress, requested));
        }

        if (serverId is not null)
        {
            options.Add(DhcpV4Option.FromAddress(DhcpV4OptionCode.ServerIdentifier, serverId));
        }

        if (prl.Length > 0)
        {
            options.Add(new DhcpV4Option(DhcpV4OptionCode.ParameterRequestList, Convert.FromHexString(prl)));
        }

        return new DhcpV4Message
        {
            TransactionId = (uint)client,
            Flags = broadcastFlag ? DhcpV4Message.BroadcastFlag : (ushort)0,
            ClientAddress = ciaddr ?? IPAddress.Any,
            GatewayAddress = giaddr ?? IPAddress.Any,
            ClientHardwareAddressField = new byte[] { 2, 0, 0, 0, (byte)(client >> 8), (byte)client },
            Options = options,
        };
    }

    /// <summary>DISCOVER then SELECTING REQUEST: the ACK.</summary>
    public async Task<DhcpV4Message> LeaseAsync(int client)
    {
        var offer = (await SendAsync(Message(DhcpV4MessageType.Discover, client))).Reply!;
        var ack = (await SendAsync(Message(DhcpV4MessageType.Request, client, requested: offer.YourAddress, serverId: ServerAddress))).Reply!;
        Assert.Equal(DhcpV4MessageType.Ack, ack.MessageType);
        return ack;
    }

    /// <summary>The server's address (option 54).</summary>
    public static IPAddress ServerAddress => Leases.LeaseTestPools.Server;

    public static uint UInt32(DhcpV4Message message, byte code)
    {
        Assert.True(message.FindOption(code)!.TryGetUInt32(out var value));
        return value;
    }

    public static IPAddress AddressOption(DhcpV4Message message, byte code)
    {
        Assert.True(message.FindOption(code)!.TryGetAddress(out var value));
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
