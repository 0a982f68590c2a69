using System.Net;
using System.Net.Sockets;
using System.Text;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// End to end as an operator sees it: the real altogw process follows the router namespace's
/// conntrack table (Nat:Conntrack:NetworkNamespace), and <c>altogw nat lookup PUBLIC-IP:PORT</c>
/// names the subscriber behind each flow the outside host saw, then "unknown" once the flows are
/// deleted with <c>conntrack -D</c>.
/// </summary>
public sealed class NatLookupCliTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 180_000)]
    public async Task Nat_lookup_names_each_subscriber_behind_the_snat_and_forgets_them_after_conntrack_delete()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var topology = await NatTopology.CreateAsync(21000, 21999);
        await using var outside = await OutsideHost.StartAsync(topology);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var lan = FreePort.Next();
        await using var agent = AgentProcess.Start(["run"], new Dictionary<string, string>
        {
            ["ALTOGW__Http__Lan__Urls__0"] = $"http://127.0.0.1:{lan}",
            ["ALTOGW__Http__Wan__Enabled"] = "false",
            ["ALTOGW__Nat__Conntrack__Enabled"] = "true",
            ["ALTOGW__Nat__Conntrack__NetworkNamespace"] = topology.Router,
        });
        using (var ready = await agent.WaitForHttpAsync(http, $"http://127.0.0.1:{lan}/healthz", Patience))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var subscribers = new[] { NatTopology.Subscriber1, NatTopology.Subscriber2 };
        var sockets = await NetworkNamespaceThread.RunAsync(topology.Subscribers, () => subscribers.Select(address =>
        {
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            return (Name: $"tcp {address}", Address: address, Socket: tcp);
        }).ToList());
        try
        {
            foreach (var (name, _, socket) in sockets)
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(NatTopology.Outside), OutsideHost.TcpPort), cancellationToken);
                await socket.SendAsync(Encoding.ASCII.GetBytes(name + "\n"), SocketFlags.None, cancellationToken);
            }

            await Until(() => Task.FromResult(outside.Seen.Count == sockets.Count), "the outside host to see both subscribers");

            foreach (var (name, address, _) in sockets)
            {
                var seen = outside.Seen[name];
                var expected = $"{seen} -> {address} (nat-map: mapping of {seen})";
                await Until(async () => (await LookupAsync(agent, seen)).Output == expected, $"nat lookup {seen} to say '{expected}'");
            }

            foreach (var address in subscribers)
            {
                var (exit, output) = await topology.InRouterAsync(topology.Conntrack, ["-D", "-s", address]);
                Assert.True(exit == 0, $"conntrack -D -s {address} failed ({exit}): {output}");
            }

            foreach (var (name, _, _) in sockets)
            {
                var seen = outside.Seen[name];
                await Until(async () => await LookupAsync(agent, seen) is (1, var output) && output == $"{seen}: unknown: no mapping for {seen} (tcp)",
                    $"nat lookup {seen} to say unknown");
            }
        }
        finally
        {
            foreach (var (_, _, socket) in sockets)
            {
                socket.Dispose();
            }
        }

        async Task Until(Func<Task<bool>> condition, string what)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; agent output:\n{agent.Output}");
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task<(int Exit, string Output)> LookupAsync(AgentProcess agent, IPEndPoint seen)
    {
        // The agent's control socket is the one AgentProcess gave it; the CLI is told with --socket.
        await using var cli = AgentProcess.Start(["nat", "lookup", seen.ToString(), "--protocol", "tcp", "--socket", agent.ControlSocketPath!]);
        Assert.True(await cli.WaitForExitAsync(Patience), cli.Output);
        return (cli.ExitCode, cli.Output.Trim());
    }
}
