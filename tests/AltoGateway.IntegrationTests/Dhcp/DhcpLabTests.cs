namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The DHCP lab checked against dnsmasq, the reference: each real client, asked for option 213 (RFC 5986, the
/// access domain in DNS wire format) and a site-specific URI option, gets a lease and shows both in its hook,
/// each in its own notation; dhcpcd's DHCPINFORM and dhclient's stateless DHCPv6 (option 57) too. When the
/// agent's DHCP tests fail, these say whether the lab or the agent is to blame.
/// </summary>
[Collection(DhcpClientTestGroup.Name)]
public sealed class DhcpLabTests
{
    private const string ExampleNetWire = "07:65:78:61:6d:70:6c:65:03:6e:65:74:00"; // RFC 5986 §3.1 form of "example.net."
    private const string Uri = "http://10.78.0.1:7285/directory";

    private static readonly DhcpClientOption[] Options =
    [
        new(213, "alto-access-domain", DhcpOptionFormat.DomainName),
        new(224, "alto-directory-uri", DhcpOptionFormat.Text),
    ];

    [Fact(Timeout = 180_000)]
    public async Task Dhclient_udhcpc_and_dhcpcd_each_get_a_lease_with_option_213_and_the_uri_from_dnsmasq()
    {
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-lab-").FullName;
        try
        {
            await using var dnsmasq = await StartDnsmasqAsync(lab, folder);

            var dhclient = (await DhcpClients.DhclientAsync(lab, Path.Combine(folder, "dhclient"), Options)).Last("BOUND");
            await lab.ResetClientAsync();
            var udhcpc = (await DhcpClients.UdhcpcAsync(lab, Path.Combine(folder, "udhcpc"), Options)).Last("bound");
            await lab.ResetClientAsync();
            var dhcpcd = (await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "dhcpcd"), Options)).Last("BOUND");

            Assert.StartsWith("10.78.0.", dhclient["new_ip_address"], StringComparison.Ordinal);
            Assert.Equal("7:65:78:61:6d:70:6c:65:3:6e:65:74:0", dhclient["new_alto_access_domain"]);
            Assert.Equal(Uri, dhclient["new_alto_directory_uri"]);
            Assert.StartsWith("10.78.0.", udhcpc["ip"], StringComparison.Ordinal);
            Assert.Equal("076578616d706c65036e657400", udhcpc["opt213"]);
            Assert.Equal(Convert.ToHexStringLower(System.Text.Encoding.ASCII.GetBytes(Uri)), udhcpc["opt224"]);
            Assert.StartsWith("10.78.0.", dhcpcd["new_ip_address"], StringComparison.Ordinal);
            Assert.Equal("example.net", dhcpcd["new_alto_access_domain"]);
            Assert.Equal(Uri, dhcpcd["new_alto_directory_uri"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task Dhcpcd_inform_and_dhclient_stateless_v6_get_the_access_domain_from_dnsmasq()
    {
        await using var lab = await DhcpLab.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("altogw-dhcp-lab-").FullName;
        try
        {
            await using var dnsmasq = await StartDnsmasqAsync(lab, folder);
            await lab.AddClientAddressAsync("10.78.0.77/24");

            var inform = (await DhcpClients.DhcpcdAsync(lab, Path.Combine(folder, "inform"), Options, "10.78.0.77/24")).Last("INFORM");
            var v6 = (await DhcpClients.Dhclient6StatelessAsync(lab, Path.Combine(folder, "v6"), [new(57, "alto-access-domain", DhcpOptionFormat.Binary)]))
                .Last("RENEW6", "BOUND6");

            Assert.Equal("10.78.0.77", inform["new_ip_address"]);
            Assert.Equal("example.net", inform["new_alto_access_domain"]);
            Assert.Contains("DHCPINFORM(d0) 10.78.0.77", dnsmasq.Output, StringComparison.Ordinal);
            Assert.Equal("7:65:78:61:6d:70:6c:65:3:6e:65:74:0", v6["new_dhcp6_alto_access_domain"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<DnsmasqServer> StartDnsmasqAsync(DhcpLab lab, string folder) =>
        DnsmasqServer.StartAsync(lab, lab.Server, DhcpLab.ServerInterface, Path.Combine(folder, "dnsmasq.leases"),
            "--dhcp-range=10.78.0.100,10.78.0.150,12h",
            "--dhcp-range=fd00:78::,ra-stateless,64",
            $"--dhcp-option=213,{ExampleNetWire}",
            $"--dhcp-option=224,{Uri}",
            $"--dhcp-option=option6:57,{ExampleNetWire}");
}
