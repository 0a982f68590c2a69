using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// <c>altogw check-config</c> on <c>Dhcp</c> sections: every problem named by its key path, the defaults taken
/// from the other sections checked with them, and good sections passing. No root needed.
/// </summary>
public sealed class DhcpCheckConfigTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("altogw-dhcp-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_bad_dhcp_setting_is_named_by_its_key()
    {
        var (exit, lines) = await CheckAsync("""
            {
              "Dhcp": {
                "Interfaces": [
                  {
                    "Name": "eth 0", "V4Mode": "Server", "Subnet": "192.168.1.0/24",
                    "Pools": [ "192.168.1.100-192.168.1.199", "192.168.1.150-192.168.1.160", "192.168.2.1-192.168.2.9", "x" ],
                    "Reservations": [ { "Mac": "00:11:22:33:44:55", "Address": "192.168.1.10" }, { "Mac": "00-11-22-33-44-55", "Address": "192.168.1.10" }, { "ClientId": "01", "Address": "1.2.3" } ],
                    "Router": "10.9.9.9", "DnsServers": [ "192.168.1.1", "dns" ], "DomainName": "home..arpa",
                    "LeaseTime": "00:00:10", "OfferHold": "01:00:00"
                  },
                  { "Name": "lan0", "V4Mode": "Relay", "Relay": { "Servers": [ "255.255.255.255" ], "CircuitId": "port\u00e91" } },
                  { "Name": "lan0", "V6Mode": "Stateful" }
                ],
                "Alto": { "AccessDomain": "bad..name", "DirectoryUri": "ftp://alto.example.net/", "UriOptionCode": 100, "EnterpriseNumber": 0 },
                "RateLimit": { "MessagesPerSecond": 0, "Burst": 0, "MaxClients": 1 },
                "InformationRefreshTime": "00:01:00"
              }
            }
            """);

        Assert.Equal(78, exit);
        Assert.Equal(
            [
                "altogw: the configuration has 1 problem:",
                "Dhcp:Interfaces:2:V6Mode: 'Stateful' cannot be read as AltoGateway.Host.Configuration.DhcpV6Mode",
            ],
            lines);

        (exit, lines) = await CheckAsync(File.ReadAllText(Path.Combine(_folder, "altogateway.json")).Replace("\"V6Mode\": \"Stateful\"", "\"V6Mode\": \"Off\"", StringComparison.Ordinal));

        Assert.Equal(78, exit);
        Assert.Equal(
            [
                "altogw: the configuration has 24 problems:",
                "Dhcp:Interfaces:0:Name: 'eth 0' is not an interface name (1 to 15 characters, no '/', ':' or spaces)",
                "Dhcp:Interfaces:0:Pools:1: '192.168.1.150-192.168.1.160' overlaps Pools:0",
                "Dhcp:Interfaces:0:Pools:2: '192.168.2.1-192.168.2.9' is not inside 192.168.1.0/24 without its network and broadcast addresses",
                "Dhcp:Interfaces:0:Pools:3: 'x' is not a range FIRST-LAST of IPv4 addresses, FIRST not above LAST",
                "Dhcp:Interfaces:0:Reservations:1:Address: '192.168.1.10' is already reserved by Reservations:0",
                "Dhcp:Interfaces:0:Reservations:1:Mac: this client already has Reservations:0",
                "Dhcp:Interfaces:0:Reservations:2:ClientId: '01' is not a client identifier: 2 to 255 hex pairs, type first (RFC 2132 §9.14)",
                "Dhcp:Interfaces:0:Reservations:2:Address: '1.2.3' is not an IPv4 address",
                "Dhcp:Interfaces:0:Router: '10.9.9.9' is not a host address of 192.168.1.0/24: clients could not reach it",
                "Dhcp:Interfaces:0:DnsServers:1: 'dns' is not an IPv4 address",
                "Dhcp:Interfaces:0:DomainName: 'home..arpa' is not a domain name (EmptyLabel)",
                "Dhcp:Interfaces:0:LeaseTime: must be between 00:01:00 and 365.00:00:00",
                "Dhcp:Interfaces:0:OfferHold: must be between 00:00:01 and 00:10:00",
                "Dhcp:Interfaces:1:Relay:Servers:0: '255.255.255.255' is not a unicast IPv4 address",
                "Dhcp:Interfaces:1:Relay:CircuitId: 'porté1' is not printable ASCII",
                "Dhcp:Interfaces:2:Name: 'lan0' is already Interfaces:1",
                "Dhcp:Alto:AccessDomain: 'bad..name' is not a domain name (EmptyLabel)",
                "Dhcp:Alto:DirectoryUri: 'ftp://alto.example.net/' is not an absolute http(s) URI in ASCII",
                "Dhcp:Alto:UriOptionCode: 100 is not a site-specific option code (224 to 254, RFC 3942 §4)",
                "Dhcp:Alto:EnterpriseNumber: 0 is IANA's reserved number; use your own Private Enterprise Number or 32473",
                "Dhcp:RateLimit:MessagesPerSecond: must be between 0.01 and 100000",
                "Dhcp:RateLimit:Burst: must be between 1 and 100000",
                "Dhcp:RateLimit:MaxClients: must be between 16 and 1000000",
                "Dhcp:InformationRefreshTime: must be between 00:10:00 (IRT_MINIMUM, RFC 8415 §21.23) and 49710.06:28:15 (0xffffffff s, infinity)",
            ],
            lines);
    }

    [Fact]
    public async Task Defaults_that_cannot_be_taken_from_the_other_sections_are_problems()
    {
        var (exit, lines) = await CheckAsync("""
            {
              "PeerIds": { "Enabled": false },
              "Dhcp": { "Interfaces": [ { "Name": "br-lan", "V4Mode": "Inform" } ], "Alto": { "SendPeerIds": true } }
            }
            """);

        Assert.Equal(78, exit);
        Assert.Equal(
            [
                "altogw: the configuration has 2 problems:",
                "Dhcp:Alto:DirectoryUri: has no default: the LAN directory http://127.0.0.1:7285/directory is on loopback, which LAN clients cannot reach; set it, or a LAN listener on the LAN address",
                "Dhcp:Alto:SendPeerIds: peer IDs are off (PeerIds:Enabled is false)",
            ],
            lines);
    }

    [Fact]
    public async Task An_inform_and_stateless_setup_passes_with_its_defaults_from_the_lan_listener()
    {
        var (exit, lines) = await CheckAsync("""
            {
              "Http": { "Lan": { "Urls": [ "http://192.168.1.2:7285" ] } },
              "Discovery": { "AccessDomains": [ "home.example" ] },
              "Dhcp": {
                "Interfaces": [
                  { "Name": "br-lan", "V4Mode": "Inform", "V6Mode": "Stateless" },
                  { "Name": "eth0", "Role": "Wan", "V4Mode": "Off" }
                ],
                "RateLimit": { "MessagesPerSecond": 2, "Burst": 10 },
                "InformationRefreshTime": "06:00:00"
              }
            }
            """);

        Assert.True(exit == 0, string.Join('\n', lines));
    }

    private async Task<(int Exit, string[] Lines)> CheckAsync(string json)
    {
        var file = Path.Combine(_folder, "altogateway.json");
        await File.WriteAllTextAsync(file, json);
        await using var cli = AgentProcess.Start(["check-config", "--config", file]);
        Assert.True(await cli.WaitForExitAsync(Timeout), cli.Output);
        return (cli.ExitCode, cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
