using System.Text;
using System.Text.Json;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The agent as the DHCPv4 server of the lab's server side (no other DHCP server there): dhclient, udhcpc and
/// dhcpcd each get a lease from its pool and their hooks show the access domain (213) and the directory URI (234),
/// dhcpcd's also option 125 with the peer ID GET /peer-id gives its address; <c>altogw leases</c>, /status and
/// /metrics show the leases; and after a restart the same client gets the same address back.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed class DhcpServerTests
{
    public const string ServerSection = """
        { "Interfaces": [ { "Name": "d0", "V4Mode": "Server", "Subnet": "10.78.0.0/24", "Pools": [ "10.78.0.100-10.78.0.150" ],
                            "Router": "10.78.0.1", "DnsServers": [ "10.78.0.1" ], "DomainName": "lan.example" } ] }
        """;

    private static readonly DhcpClientOption[] AltoOptions =
    [
        new(213, "alto_access_domain", DhcpOptionFormat.DomainName),
        new(234, "alto_directory_uri", DhcpOptionFormat.Text),
        new(125, "alto_vendor", DhcpOptionFormat.Binary),
    ];

    [Fact(Timeout = 240_000)]
    public async Task Dhclient_udhcpc_and_dhcpcd_each_get_a_lease_with_the_alto_options_and_keep_it_across_a_restart()
    {
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-server-test-").FullName;
        try
        {
            await using var agent = await DhcpAgent.StartAsync(lab, ServerSection);

            var dhclient = (await DhcpClients.DhclientAsync(lab, Path.Combine(folder, "dhclient"), AltoOptions)).Last("BOUND");
            await lab.ResetClientAsync();
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), AltoOptions)).Last("bound");
            await lab.ResetClientAsync();
            // dhcpcd keeps its leases machine-wide by interface name: one from an earlier lab is tried again first (REBOOT).
            var dhcpcd = (await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "dhcpcd"), AltoOptions)).Last("BOUND", "REBOOT");

            Assert.True(InPool(dhclient["new_ip_address"]), dhclient["new_ip_address"]);
            Assert.Equal("7:65:78:61:6d:70:6c:65:3:6e:65:74:0", dhclient["new_alto_access_domain"]);
            Assert.Equal(DhcpAgent.DirectoryUri, dhclient["new_alto_directory_uri"]);
            Assert.Equal("255.255.255.0", dhclient["new_subnet_mask"]);
            Assert.Equal("10.78.0.1", dhclient["new_routers"]);
            Assert.True(InPool(udhcpc["ip"]), udhcpc["ip"]);
            Assert.Equal("076578616d706c65036e657400", udhcpc["opt213"]);
            Assert.Equal(Convert.ToHexStringLower(Encoding.ASCII.GetBytes(DhcpAgent.DirectoryUri)), udhcpc["opt234"]);
            Assert.Equal("43200", udhcpc["lease"]);
            var address = dhcpcd["new_ip_address"];
            Assert.True(InPool(address), address);
            Assert.Equal("example.net", dhcpcd["new_alto_access_domain"]);
            Assert.Equal(DhcpAgent.DirectoryUri, dhcpcd["new_alto_directory_uri"]);

            // Option 125 (RFC 3925): enterprise 32473, sub-option 1 the URI, sub-option 2 the peer ID of the leased address,
            // the one GET /peer-id gives the subscriber at that address.
            await lab.RunInAsync(lab.Client, "ip", ["addr", "replace", $"{address}/24", "dev", DhcpLab.ClientInterface]);
            using var fromClient = new HttpClient(DhcpAgent.InNamespace(lab.Client));
            using var peer = JsonDocument.Parse(await fromClient.GetStringAsync($"{DhcpAgent.LanUrl}/peer-id", TestContext.Current.CancellationToken));
            Assert.Equal(address, peer.RootElement.GetProperty("subscriber").GetString());
            var peerId = peer.RootElement.GetProperty("peerId").GetString()!;
            byte[] subOptions = [1, (byte)DhcpAgent.DirectoryUri.Length, .. Encoding.ASCII.GetBytes(DhcpAgent.DirectoryUri), 2, (byte)peerId.Length, .. Encoding.ASCII.GetBytes(peerId)];
            byte[] vendor = [0x00, 0x00, 0x7E, 0xD9, (byte)subOptions.Length, .. subOptions];
            Assert.Equal(Convert.ToHexStringLower(vendor), dhcpcd["new_alto_vendor"].Replace(":", string.Empty, StringComparison.Ordinal));

            // Every address a client got is listed as bound by `altogw leases`, in /status and in the gauges.
            string[] leased = [.. new[] { dhclient["new_ip_address"], udhcpc["ip"], address }.Distinct()];
            var (exit, listing) = await agent.LeasesAsync();
            Assert.True(exit == 0, listing);
            Assert.Contains($"d0: {leased.Length} leases bound of 51 addresses", listing, StringComparison.Ordinal);
            Assert.All(leased, a => Assert.Matches($"(?m)^{a.Replace(".", "\\.", StringComparison.Ordinal)} +bound ", listing));
            using var status = JsonDocument.Parse(await agent.Http.GetStringAsync($"{DhcpAgent.LanUrl}/status", TestContext.Current.CancellationToken));
            var d0 = status.RootElement.GetProperty("dhcp")[0];
            Assert.Equal("Server", d0.GetProperty("v4Mode").GetString());
            Assert.Equal(leased.Length, d0.GetProperty("leasesBound").GetInt32());
            Assert.Equal(51, d0.GetProperty("poolSize").GetInt32());
            var metrics = await agent.MetricsAsync();
            Assert.Equal(leased.Length, DhcpAgent.Sample(metrics, "altogw_dhcp_leases_bound{interface=\"d0\"}"));
            Assert.Equal(51, DhcpAgent.Sample(metrics, "altogw_dhcp_pool_size{interface=\"d0\"}"));
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_replies_total{type=\"offer\",version=\"v4\"}") >= 2); // dhcpcd may go straight to INIT-REBOOT
            Assert.True(DhcpAgent.Sample(metrics, "altogw_dhcp_replies_total{type=\"ack\",version=\"v4\"}") >= 3);

            // The journal brings the leases back: the same client (dhclient, a fresh lease file) gets the same address.
            await agent.RestartAsync(kill: false);
            (exit, var again) = await agent.LeasesAsync();
            Assert.True(exit == 0, again);
            Assert.All(leased, a => Assert.Matches($"(?m)^{a.Replace(".", "\\.", StringComparison.Ordinal)} +bound ", again));
            await lab.ResetClientAsync();
            var dhclientAgain = (await DhcpClients.DhclientAsync(lab, Path.Combine(folder, "dhclient-again"), AltoOptions)).Last("BOUND");
            Assert.Equal(dhclient["new_ip_address"], dhclientAgain["new_ip_address"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool InPool(string address) =>
        address.StartsWith("10.78.0.", StringComparison.Ordinal) && int.Parse(address["10.78.0.".Length..], System.Globalization.CultureInfo.InvariantCulture) is >= 100 and <= 150;
}
