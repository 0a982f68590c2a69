namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The test classes that run real DHCP clients, one test at a time: dhcpcd keeps its control socket in the
/// machine's /run, not in the network namespace, so a second dhcpcd started meanwhile hands its work to the first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DhcpClientTestGroup
{
    public const string Name = "DHCP clients";
}
