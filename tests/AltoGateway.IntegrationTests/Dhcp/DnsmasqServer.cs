using System.Diagnostics;
using System.Text;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// dnsmasq as a DHCP server in one of the lab's namespaces (DNS off: <c>--port=0</c>): the reference the
/// clients are checked against, and the upstream server of relay tests. Started in the foreground with
/// <c>--log-dhcp</c>; killed on dispose.
/// </summary>
internal sealed class DnsmasqServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private DnsmasqServer(Process process)
    {
        _process = process;
        _output = ProcessOutput.Capture(_process);
    }

    /// <summary>What dnsmasq logged so far (each DHCP message with --log-dhcp).</summary>
    public string Output => _output.Text;

    /// <summary>Starts dnsmasq in <paramref name="ns"/> on <paramref name="interfaceName"/> with the given extra arguments (ranges, options).</summary>
    public static async Task<DnsmasqServer> StartAsync(DhcpLab lab, string ns, string interfaceName, string leaseFile, params string[] arguments)
    {
        var dnsmasq = TestEnvironment.RequireTool("dnsmasq", "dnsmasq-base");
        var (ip, argv) = lab.Exec(ns, dnsmasq,
            ["--no-daemon", "--port=0", $"--interface={interfaceName}", "--bind-interfaces", "--log-dhcp", "--conf-file=/dev/null",
             $"--dhcp-leasefile={leaseFile}", .. arguments]);
        var start = new ProcessStartInfo(ip, argv) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var server = new DnsmasqServer(Process.Start(start) ?? throw new InvalidOperationException("dnsmasq did not start"));

        // Listening once the log says so (it binds before it logs its DHCP ranges).
        for (var i = 0; i < 100 && !server.Output.Contains("DHCP", StringComparison.Ordinal); i++)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited ({server._process.ExitCode}):\n{server.Output}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

}
