using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AltoGateway.IntegrationTests.Nat;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The agent in INFORM-only mode and stateless DHCPv6 on the lab's server side, with no other DHCP server there:
/// dhcpcd's DHCPINFORM gets the access domain (213), the directory URI (234) and the subscriber's peer ID (125)
/// from the agent alone, dhclient's Information-request gets option 57, nothing is answered on a WAN
/// interface, and malformed datagrams are counted without stopping the agent.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed class DhcpInformTests
{
    private const string ClientAddress = "10.78.0.77";
    private const string ExampleNetWire = "7:65:78:61:6d:70:6c:65:3:6e:65:74:0"; // dhclient's notation of RFC 5986 "example.net."

    private static readonly DhcpClientOption[] InformOptions =
    [
        new(213, "alto_access_domain", DhcpOptionFormat.DomainName),
        new(234, "alto_directory_uri", DhcpOptionFormat.Text),
        new(125, "alto_vendor", DhcpOptionFormat.Binary),
    ];

    private static readonly DhcpClientOption[] V6Options = [new(57, "alto-access-domain", DhcpOptionFormat.Binary)];

    [Fact(Timeout = 180_000)]
    public async Task Dhcpcd_inform_gets_the_access_domain_the_uri_and_its_peer_id_from_the_agent_alone()
    {
        await InLabAsync(async (lab, folder) =>
        {
            await using var agent = await DhcpAgent.StartAsync(lab, """{ "Interfaces": [ { "Name": "d0", "V4Mode": "Inform" } ] }""");
            await lab.AddClientAddressAsync($"{ClientAddress}/24");

            var inform = (await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "inform"), InformOptions, $"{ClientAddress}/24")).Last("INFORM");

            Assert.Equal(ClientAddress, inform["new_ip_address"]);
            Assert.Equal("example.net", inform["new_alto_access_domain"]);
            Assert.Equal(DhcpAgent.DirectoryUri, inform["new_alto_directory_uri"]);

            // Option 125 (RFC 3925): enterprise 32473, then sub-option 1 the URI and sub-option 2 the peer ID that
            // GET /peer-id gives the same subscriber.
            using var fromClient = new HttpClient(DhcpAgent.InNamespace(lab.Client));
            using var document = JsonDocument.Parse(await fromClient.GetStringAsync($"{DhcpAgent.LanUrl}/peer-id", TestContext.Current.CancellationToken));
            var peerId = document.RootElement.GetProperty("peerId").GetString()!;
            Assert.Equal(ClientAddress, document.RootElement.GetProperty("subscriber").GetString());
            byte[] subOptions = [1, (byte)DhcpAgent.DirectoryUri.Length, .. Encoding.ASCII.GetBytes(DhcpAgent.DirectoryUri), 2, (byte)peerId.Length, .. Encoding.ASCII.GetBytes(peerId)];
            byte[] vendor = [0x00, 0x00, 0x7E, 0xD9, (byte)subOptions.Length, .. subOptions];
            Assert.Equal(Convert.ToHexStringLower(vendor), inform["new_alto_vendor"].Replace(":", string.Empty, StringComparison.Ordinal));

            var metrics = await agent.MetricsAsync();
            Assert.Equal(1, DhcpAgent.Sample(metrics, "altogw_dhcp_messages_total{type=\"inform\",version=\"v4\"}"));
            Assert.Equal(1, DhcpAgent.Sample(metrics, "altogw_dhcp_replies_total{type=\"ack\",version=\"v4\"}"));
        });
    }

    [Fact(Timeout = 180_000)]
    public async Task Dhclient_stateless_v6_gets_option_57_from_the_agent()
    {
        await InLabAsync(async (lab, folder) =>
        {
            await using var agent = await DhcpAgent.StartAsync(lab, """{ "Interfaces": [ { "Name": "d0", "V6Mode": "Stateless" } ] }""");

            var v6 = (await DhcpClients.Dhclient6StatelessAsync(lab, Path.Combine(folder, "v6"), V6Options)).Last("RENEW6", "BOUND6");

            Assert.Equal(ExampleNetWire, v6["new_dhcp6_alto_access_domain"]);
            var metrics = await agent.MetricsAsync();
            Assert.Equal(1, DhcpAgent.Sample(metrics, "altogw_dhcp_messages_total{type=\"information-request\",version=\"v6\"}"));
            Assert.Equal(1, DhcpAgent.Sample(metrics, "altogw_dhcp_replies_total{type=\"reply\",version=\"v6\"}"));
        });
    }

    [Fact(Timeout = 180_000)]
    public async Task Nothing_is_answered_on_a_wan_interface()
    {
        await InLabAsync(async (lab, folder) =>
        {
            await using var agent = await DhcpAgent.StartAsync(lab, """{ "Interfaces": [ { "Name": "d0", "Role": "Wan", "V4Mode": "Inform" } ] }""");
            await lab.AddClientAddressAsync($"{ClientAddress}/24");

            var run = await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "inform"), InformOptions, $"{ClientAddress}/24", TimeSpan.FromSeconds(6));

            Assert.DoesNotContain(run.Events, e => e.Reason == "INFORM");
            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_dropped_total{reason=\"wan-interface\"}") >= 1, $"no wan-interface drop:\n{agent.Process.Output}");
            Assert.DoesNotContain(metrics.Keys, k => k.StartsWith("altogw_dhcp_replies_total", StringComparison.Ordinal));
        });
    }

    [Fact(Timeout = 180_000)]
    public async Task Malformed_datagrams_are_counted_and_the_agent_answers_afterwards()
    {
        await InLabAsync(async (lab, folder) =>
        {
            await using var agent = await DhcpAgent.StartAsync(lab, """{ "Interfaces": [ { "Name": "d0", "V4Mode": "Inform", "V6Mode": "Stateless" } ] }""");
            await lab.AddClientAddressAsync($"{ClientAddress}/24");
            var (_, index) = await lab.RunInAsync(lab.Client, "cat", [$"/sys/class/net/{DhcpLab.ClientInterface}/ifindex"]);
            var v6Server = new IPEndPoint(IPAddress.Parse("ff02::1:2"), 547) { Address = { ScopeId = long.Parse(index.Trim(), System.Globalization.CultureInfo.InvariantCulture) } };
            var v4Server = new IPEndPoint(IPAddress.Parse(DhcpLab.ServerAddress), 67);
            byte[] lyingOption = [.. new byte[236], 0x63, 0x82, 0x53, 0x63, 0x35, 0x05, 0x01]; // option 53 claims 5 octets, 1 follows
            lyingOption[0] = 1;

            await NetworkNamespaceThread.RunAsync(lab.Client, () =>
            {
                using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                v4.SendTo(new byte[10], v4Server); // truncated-header
                v4.SendTo(new byte[240], v4Server); // bad-magic-cookie
                v4.SendTo(lyingOption, v4Server); // option-length-past-end
                using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                v6.SendTo(new byte[] { 11 }, v6Server); // truncated-header
                v6.SendTo(new byte[] { 11, 0, 0, 1, 0, 1, 0, 16, 0 }, v6Server); // option-length-past-end
                return true;
        });

        var expected = new Dictionary<string, double>
        {
            ["altogw_dhcp_dropped_total{reason=\"truncated-header\"}"] = 2,
            ["altogw_dhcp_dropped_total{reason=\"bad-magic-cookie\"}"] = 1,
            ["altogw_dhcp_dropped_total{reason=\"option-length-past-end\"}"] = 2,
        };
        var metrics = await agent.MetricsAsync();
        for (var i = 0; i < 100 && expected.Any(e => DhcpAgent.Sample(metrics, e.Key) < e.Value); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken); // the datagrams are in flight
            metrics = await agent.MetricsAsync();
        }

        Assert.All(expected, e => Assert.Equal(e.Value, DhcpAgent.Sample(metrics, e.Key)));
        Assert.Contains("Malformed DHCPv4 message", agent.Process.Output, StringComparison.Ordinal);

        var inform = (await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "inform"), InformOptions, $"{ClientAddress}/24")).Last("INFORM");
        var v6Reply = (await DhcpClients.Dhclient6StatelessAsync(lab, Path.Combine(folder, "v6"), V6Options)).Last("RENEW6", "BOUND6");
        Assert.Equal("example.net", inform["new_alto_access_domain"]);
        Assert.Equal(ExampleNetWire, v6Reply["new_dhcp6_alto_access_domain"]);
        });
    }

    /// <summary>Runs <paramref name="test"/> with a fresh lab and a folder for the clients' files, both removed afterwards.</summary>
    private static async Task InLabAsync(Func<DhcpLab, string, Task> test)
    {
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-agent-test-").FullName;
        try
        {
            await test(lab, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
