using System.Text;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The agent as a DHCPv4 relay on the lab's client side (d0, 10.78.0.1) toward dnsmasq in the third namespace
/// (10.79.0.1, reached through d1): dhclient and udhcpc each get a lease from dnsmasq's range for the relay's
/// subnet (dnsmasq picks it by 'giaddr'), with the ALTO options the agent put in (213, 234) and every option
/// dnsmasq sent intact (the router it sets to 'giaddr', NTP 42, domain 15, the mask, the server identifier, the
/// lease time); with option 82 on, dnsmasq sees the circuit-id and the client never sees option 82.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed class DhcpRelayTests
{
    private const string ExampleNetWire = "7:65:78:61:6d:70:6c:65:3:6e:65:74:0"; // dhclient's notation of RFC 5986 "example.net."
    private const string UpstreamDomain = "relay.example";

    private static readonly DhcpClientOption[] Options =
    [
        new(213, "alto_access_domain", DhcpOptionFormat.Binary),
        new(234, "alto_directory_uri", DhcpOptionFormat.Text),
    ];

    private static readonly string RelaySection = $$"""
        { "Interfaces": [ { "Name": "{{DhcpLab.ServerInterface}}", "V4Mode": "Relay", "Relay": { "Servers": [ "{{DhcpLab.UpstreamServerAddress}}" ] } } ] }
        """;

    [Fact(Timeout = 240_000)]
    public async Task Dhclient_and_udhcpc_get_a_lease_from_the_upstream_server_with_our_options_and_all_of_its_own()
    {
        await InRelayLabAsync(RelaySection, async (lab, agent, dnsmasq, folder) =>
        {
            var dhclient = (await DhcpClients.DhclientAsync(lab, Path.Combine(folder, "dhclient"), Options)).Last("BOUND");
            await lab.ResetClientAsync();
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), Options)).Last("bound");

            // The lease is dnsmasq's, from the range for giaddr's subnet …
            Assert.Matches(@"^10\.78\.0\.1[0-5]\d$", dhclient["new_ip_address"]);
            Assert.Equal(DhcpLab.UpstreamServerAddress, dhclient["new_dhcp_server_identifier"]);
            Assert.Equal("255.255.255.0", dhclient["new_subnet_mask"]);
            Assert.Equal(DhcpLab.ServerAddress, dhclient["new_routers"]); // dnsmasq's default router for a relayed request: giaddr
            Assert.Equal(DhcpLab.UpstreamServerAddress, dhclient["new_ntp_servers"]);
            Assert.Equal(UpstreamDomain, dhclient["new_domain_name"]);
            Assert.Equal("43200", dhclient["new_dhcp_lease_time"]);

            // … and carries the agent's options.
            Assert.Equal(ExampleNetWire, dhclient["new_alto_access_domain"]);
            Assert.Equal(DhcpAgent.DirectoryUri, dhclient["new_alto_directory_uri"]);

            Assert.Matches(@"^10\.78\.0\.1[0-5]\d$", udhcpc["ip"]);
            Assert.Equal(DhcpLab.UpstreamServerAddress, udhcpc["serverid"]);
            Assert.Equal("255.255.255.0", udhcpc["subnet"]);
            Assert.Equal(DhcpLab.ServerAddress, udhcpc["router"].Trim());
            Assert.Equal(DhcpLab.UpstreamServerAddress, udhcpc["ntpsrv"].Trim());
            Assert.Equal(UpstreamDomain, udhcpc["domain"]);
            Assert.Equal("43200", udhcpc["lease"]);
            Assert.Equal("076578616d706c65036e657400", udhcpc["opt213"]);
            Assert.Equal(Convert.ToHexStringLower(Encoding.ASCII.GetBytes(DhcpAgent.DirectoryUri)), udhcpc["opt234"]);

            Assert.Contains("DHCPDISCOVER(u0)", dnsmasq.Output, StringComparison.Ordinal);
            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-server\",type=\"request\"}") >= 2, agent.Process.Output);
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-client\",type=\"ack\"}") >= 2, agent.Process.Output);
        });
    }

    [Fact(Timeout = 240_000)]
    public async Task With_option_82_on_the_server_sees_the_circuit_id_and_the_client_never_sees_option_82()
    {
        var section = RelaySection.Replace("] } }", "], \"AddRelayAgentInformation\": true, \"CircuitId\": \"lan-port-7\" } }", StringComparison.Ordinal);
        await InRelayLabAsync(section, async (lab, agent, dnsmasq, folder) =>
        {
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), [.. Options, new(82, "agent_information", DhcpOptionFormat.Binary)])).Last("bound");

            Assert.Matches(@"^10\.78\.0\.1[0-5]\d$", udhcpc["ip"]);
            Assert.Equal("076578616d706c65036e657400", udhcpc["opt213"]);
            Assert.False(udhcpc.Variables.ContainsKey("opt82"), "the client got option 82");

            // dnsmasq echoes the option 82 it received (RFC 3046 §2.2) and logs it: sub-option 1, 10 octets, "lan-port-7", nothing else.
            var circuitId = string.Join(':', Encoding.ASCII.GetBytes("lan-port-7").Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Matches(new System.Text.RegularExpressions.Regex($@"option: 82 agent-id\s+01:0a:{circuitId}$", System.Text.RegularExpressions.RegexOptions.Multiline), dnsmasq.Output);
            var metrics = await agent.MetricsAsync();
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_relayed_total{direction=\"to-client\",type=\"ack\"}") >= 1, agent.Process.Output);
        });
    }

    private static async Task InRelayLabAsync(string dhcpSection, Func<DhcpLab, DhcpAgent, DnsmasqServer, string, Task> test)
    {
        await using var lab = await DhcpLab.CreateAsync(withUpstream: true);
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-relay-test-").FullName;
        try
        {
            await using var dnsmasq = await DnsmasqServer.StartAsync(lab, lab.Upstream, "u0", Path.Combine(folder, "dnsmasq.leases"),
                "--dhcp-range=10.78.0.100,10.78.0.150,255.255.255.0,12h",
                $"--dhcp-option-force=42,{DhcpLab.UpstreamServerAddress}",
                $"--dhcp-option-force=15,{UpstreamDomain}");
            await using var agent = await DhcpAgent.StartAsync(lab, dhcpSection);
            await test(lab, agent, dnsmasq, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
