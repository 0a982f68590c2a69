using System.Text;
using System.Text.Json;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The agent as a DHCPv4 relay on the lab's client side (d0, 10.78.0.1) toward Kea in the third namespace
/// (10.79.0.1, reached through d1), as <see cref="DhcpRelayTests"/> does toward dnsmasq: dhclient and udhcpc each
/// get a lease from Kea's pool for the relay's subnet (Kea picks the subnet by 'giaddr' and answers to 'giaddr':67,
/// by the lab's route back to 10.78.0.0/24), with the ALTO options the agent put in (213, 234) and every option Kea
/// sent intact (router, domain name, NTP, the mask, the server identifier, the lease time); with option 82 on, Kea
/// records the circuit-id in the lease it hands out and the client never sees option 82.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed class DhcpRelayKeaTests
{
    private const string ExampleNetWire = "7:65:78:61:6d:70:6c:65:3:6e:65:74:0"; // dhclient's notation of RFC 5986 "example.net."
    private const string ExampleNetHex = "076578616d706c65036e657400"; // udhcpc's
    private const string UpstreamDomain = "relay.example";
    private const string LeaseTime = "3600";
    private const string Pool = @"^10\.78\.0\.1[0-5]\d$"; // 10.78.0.100 – 10.78.0.159

    private static readonly DhcpClientOption[] Options =
    [
        new(213, "alto_access_domain", DhcpOptionFormat.Binary),
        new(234, "alto_directory_uri", DhcpOptionFormat.Text),
    ];

    private static readonly string RelaySection = $$"""
        { "Interfaces": [ { "Name": "{{DhcpLab.ServerInterface}}", "V4Mode": "Relay", "Relay": { "Servers": [ "{{DhcpLab.UpstreamServerAddress}}" ] } } ] }
        """;

    // NTP is not in the clients' parameter request lists: Kea sends it anyway ("always-send"), as dnsmasq's
    // --dhcp-option-force does in DhcpRelayTests. Router and domain name are among the options Kea always sends.
    private static readonly string Subnet4 = $$"""
        [ { "id": 1, "subnet": "10.78.0.0/24", "pools": [ { "pool": "10.78.0.100 - 10.78.0.159" } ],
            "option-data": [
              { "name": "routers", "data": "{{DhcpLab.ServerAddress}}" },
              { "name": "domain-name", "data": "{{UpstreamDomain}}" },
              { "name": "ntp-servers", "data": "{{DhcpLab.UpstreamServerAddress}}", "always-send": true } ] } ]
        """;

    [Fact(Timeout = 240_000)]
    public async Task Dhclient_and_udhcpc_get_a_lease_from_Kea_with_our_options_and_all_of_its_own()
    {
        await InRelayLabAsync(RelaySection, async (lab, agent, kea, folder) =>
        {
            var dhclient = (await DhcpClients.DhclientAsync(lab, Path.Combine(folder, "dhclient"), Options)).Last("BOUND");
            await lab.ResetClientAsync();
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), Options)).Last("bound");

            // The lease is Kea's, from the pool of giaddr's subnet, with Kea's options …
            Assert.Matches(Pool, dhclient["new_ip_address"]);
            Assert.Equal(DhcpLab.UpstreamServerAddress, dhclient["new_dhcp_server_identifier"]);
            Assert.Equal("255.255.255.0", dhclient["new_subnet_mask"]);
            Assert.Equal(DhcpLab.ServerAddress, dhclient["new_routers"]);
            Assert.Equal(DhcpLab.UpstreamServerAddress, dhclient["new_ntp_servers"]);
            Assert.Equal(UpstreamDomain, dhclient["new_domain_name"]);
            Assert.Equal(LeaseTime, dhclient["new_dhcp_lease_time"]);

            // … and carries the agent's options.
            Assert.Equal(ExampleNetWire, dhclient["new_alto_access_domain"]);
            Assert.Equal(DhcpAgent.DirectoryUri, dhclient["new_alto_directory_uri"]);

            Assert.Matches(Pool, udhcpc["ip"]);
            Assert.Equal(DhcpLab.UpstreamServerAddress, udhcpc["serverid"]);
            Assert.Equal("255.255.255.0", udhcpc["subnet"]);
            Assert.Equal(DhcpLab.ServerAddress, udhcpc["router"].Trim());
            Assert.Equal(DhcpLab.UpstreamServerAddress, udhcpc["ntpsrv"].Trim());
            Assert.Equal(UpstreamDomain, udhcpc["domain"]);
            Assert.Equal(LeaseTime, udhcpc["lease"]);
            Assert.Equal(ExampleNetHex, udhcpc["opt213"]);
            Assert.Equal(Convert.ToHexStringLower(Encoding.ASCII.GetBytes(DhcpAgent.DirectoryUri)), udhcpc["opt234"]);

            // Kea allocated both, for its lease time, in the subnet it chose by giaddr; without option 82 configured
            // the agent added none (Kea would record it in the lease's user context).
            Assert.Contains($"lease {dhclient["new_ip_address"]} has been allocated for {LeaseTime} seconds", kea.Output, StringComparison.Ordinal);
            Assert.Contains($"lease {udhcpc["ip"]} has been allocated for {LeaseTime} seconds", kea.Output, StringComparison.Ordinal);
            var leases = kea.Leases();
            Assert.NotEmpty(leases);
            Assert.All(leases, lease => Assert.Equal("1", lease["subnet_id"]));
            Assert.All(leases, lease => Assert.DoesNotContain("relay-agent-info", lease["user_context"], StringComparison.Ordinal));

            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-server\",type=\"request\"}") >= 2, agent.Process.Output);
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-client\",type=\"ack\"}") >= 2, agent.Process.Output);
        });
    }

    [Fact(Timeout = 240_000)]
    public async Task With_option_82_on_Kea_records_the_circuit_id_and_the_client_never_sees_option_82()
    {
        var section = RelaySection.Replace("] } }", "], \"AddRelayAgentInformation\": true, \"CircuitId\": \"lan-port-7\" } }", StringComparison.Ordinal);
        await InRelayLabAsync(section, async (lab, agent, kea, folder) =>
        {
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), [.. Options, new(82, "agent_information", DhcpOptionFormat.Binary)])).Last("bound");

            Assert.Matches(Pool, udhcpc["ip"]);
            Assert.Equal(ExampleNetHex, udhcpc["opt213"]);
            Assert.Equal(DhcpLab.ServerAddress, udhcpc["router"].Trim());
            Assert.False(udhcpc.Variables.ContainsKey("opt82"), "the client got option 82");

            // Kea keeps the option 82 of the request that made the lease (store-extended-info) in the lease's user
            // context, { "ISC": { "relay-agent-info": "0x…" } }: sub-option 1, 10 octets, "lan-port-7", nothing else.
            var lease = Assert.Single(kea.Leases(), l => l["address"] == udhcpc["ip"]);
            using var context = JsonDocument.Parse(lease["user_context"]);
            Assert.Equal(
                "0x010A" + Convert.ToHexString(Encoding.ASCII.GetBytes("lan-port-7")),
                context.RootElement.GetProperty("ISC").GetProperty("relay-agent-info").GetString());

            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-client\",type=\"ack\"}") >= 1, agent.Process.Output);
        });
    }

    private static async Task InRelayLabAsync(string dhcpSection, Func<DhcpLab, DhcpAgent, KeaServer, string, Task> test)
    {
        await using var lab = await DhcpLab.CreateAsync(withUpstream: true);
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-relay-kea-test-").FullName;
        try
        {
            await using var kea = await KeaServer.StartAsync(lab, lab.Upstream, "u0", Path.Combine(folder, "kea"), Subnet4, $"\"valid-lifetime\": {LeaseTime}");
            await using var agent = await DhcpAgent.StartAsync(lab, dhcpSection);
            await test(lab, agent, kea, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
