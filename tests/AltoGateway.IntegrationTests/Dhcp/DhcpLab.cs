using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// A LAN for DHCP tests, built from network namespaces named uniquely per run and deleted on dispose:
/// <c>srv</c> (the DHCP server side: <see cref="ServerInterface"/> with 10.78.0.1/24 and fd00:78::1/64) and
/// <c>cli</c> (the client side: <see cref="ClientInterface"/>, no address until a client gets one), joined by a
/// veth pair; optionally <c>up</c> (an upstream DHCP server for relay tests: 10.79.0.1/24 on <c>u0</c>, reached
/// from <c>srv</c>'s <see cref="UpstreamInterface"/> 10.79.0.2/24). Duplicate address detection is off so IPv6
/// link-local addresses are usable at once. Only these veths carry the test addresses.
/// </summary>
internal sealed class DhcpLab : IAsyncDisposable
{
    public const string ServerInterface = "d0";
    public const string ClientInterface = "c0";
    public const string UpstreamInterface = "d1";
    public const string ServerAddress = "10.78.0.1";
    public const string ServerAddressV6 = "fd00:78::1";
    public const string RelayUpstreamSide = "10.79.0.2";
    public const string UpstreamServerAddress = "10.79.0.1";

    private readonly string _ip;
    private readonly List<string> _created = [];

    private DhcpLab(string prefix, string ip)
    {
        _ip = ip;
        Server = $"{prefix}-srv";
        Client = $"{prefix}-cli";
        Upstream = $"{prefix}-up";
    }

    /// <summary>The server side's namespace.</summary>
    public string Server { get; }

    /// <summary>The client side's namespace.</summary>
    public string Client { get; }

    /// <summary>The upstream server's namespace (only with <c>withUpstream</c>).</summary>
    public string Upstream { get; }

    public static async Task<DhcpLab> CreateAsync(bool withUpstream = false)
    {
        TestEnvironment.RequireRoot("creates network namespaces and veths");
        var lab = new DhcpLab($"agd{Guid.NewGuid().ToString("N")[..8]}", TestEnvironment.RequireTool("ip", "iproute2"));
        try
        {
            await lab.BuildAsync(withUpstream);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a tool inside a namespace of this lab (<c>ip netns exec</c>).</summary>
    public Task<(int Exit, string Output)> RunInAsync(string ns, string tool, IEnumerable<string> arguments, string? input = null) =>
        ToolProcess.RunAsync(_ip, ["netns", "exec", ns, tool, .. arguments], input);

    /// <summary>The arguments that start <paramref name="command"/> inside <paramref name="ns"/> with <c>ip</c>: for long-running processes.</summary>
    public (string Command, string[] Arguments) Exec(string ns, string command, params string[] arguments) =>
        (_ip, ["netns", "exec", ns, command, .. arguments]);

    /// <summary>Removes every address of the client's interface (between two clients).</summary>
    public Task ResetClientAsync() => IpAsync("-n", Client, "-4", "addr", "flush", "dev", ClientInterface);

    /// <summary>Gives the client's interface an address by hand (the "third party" of DHCPINFORM).</summary>
    public Task AddClientAddressAsync(string cidr) => IpAsync("-n", Client, "addr", "add", cidr, "dev", ClientInterface);

    /// <summary>
    /// Waits until the client's interface has its IPv6 link-local address (it comes a moment after the link is up;
    /// a DHCPv6 client has nothing to send from before), failing after 10 s.
    /// </summary>
    public async Task WaitForClientLinkLocalAsync()
    {
        var output = string.Empty;
        for (var i = 0; i < 200; i++)
        {
            (_, output) = await RunInAsync(Client, _ip, ["-6", "addr", "show", "dev", ClientInterface, "scope", "link"]);
            if (output.Contains("fe80::", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{ClientInterface} in {Client} has no IPv6 link-local address: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in Enumerable.Reverse(_created))
        {
            // Clients and servers still running in the namespace would keep its interfaces alive.
            var (_, pids) = await ToolProcess.RunAsync(_ip, ["netns", "pids", ns]);
            foreach (var pid in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await ToolProcess.RunAsync("kill", ["-9", pid]);
            }

            await ToolProcess.RunAsync(_ip, ["netns", "delete", ns]);
        }

        _created.Clear();
    }

    private async Task BuildAsync(bool withUpstream)
    {
        var namespaces = withUpstream ? new[] { Server, Client, Upstream } : [Server, Client];
        foreach (var ns in namespaces)
        {
            await IpAsync("netns", "add", ns);
            _created.Add(ns);
            await IpAsync("-n", ns, "link", "set", "lo", "up");
            await SysctlAsync(ns, "net.ipv6.conf.default.accept_dad=0");
            await SysctlAsync(ns, "net.ipv6.conf.all.accept_dad=0");
        }

        await IpAsync("link", "add", ServerInterface, "netns", Server, "type", "veth", "peer", "name", ClientInterface, "netns", Client);
        await IpAsync("-n", Server, "addr", "add", $"{ServerAddress}/24", "dev", ServerInterface);
        await IpAsync("-n", Server, "addr", "add", $"{ServerAddressV6}/64", "dev", ServerInterface, "nodad");
        await IpAsync("-n", Server, "link", "set", ServerInterface, "up");
        await IpAsync("-n", Client, "link", "set", ClientInterface, "up");
        if (withUpstream)
        {
            await IpAsync("link", "add", UpstreamInterface, "netns", Server, "type", "veth", "peer", "name", "u0", "netns", Upstream);
            await IpAsync("-n", Server, "addr", "add", $"{RelayUpstreamSide}/24", "dev", UpstreamInterface);
            await IpAsync("-n", Server, "link", "set", UpstreamInterface, "up");
            await IpAsync("-n", Upstream, "addr", "add", $"{UpstreamServerAddress}/24", "dev", "u0");
            await IpAsync("-n", Upstream, "link", "set", "u0", "up");

            // The upstream server answers the relay at giaddr (10.78.0.1): it needs the way back.
            await IpAsync("-n", Upstream, "route", "add", "10.78.0.0/24", "via", RelayUpstreamSide);
        }
    }

    private async Task SysctlAsync(string ns, string setting)
    {
        var (exit, output) = await RunInAsync(ns, "sysctl", ["-qw", setting]);
        Assert.True(exit == 0, $"sysctl {setting} in {ns} failed ({exit}): {output}");
    }

    private async Task IpAsync(params string[] arguments)
    {
        var (exit, output) = await ToolProcess.RunAsync(_ip, arguments);
        Assert.True(exit == 0, $"ip {string.Join(' ', arguments)} failed ({exit}): {output}");
    }
}
