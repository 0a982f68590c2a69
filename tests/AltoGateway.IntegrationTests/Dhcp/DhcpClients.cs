using System.Globalization;
using System.Text;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// The real DHCP clients of Debian, run once in the lab's client namespace with a hook script that writes
/// down what each received: dhclient (isc-dhcp-client, also <c>-6 -S</c> for stateless DHCPv6), udhcpc
/// (busybox) and dhcpcd (dhcpcd-base, also <c>--inform</c>). Each is told to ask for the extra options given
/// (parameter request list / ORO), declared in its own configuration language, so its hook shows them:
/// <list type="bullet">
/// <item>dhclient: <c>new_&lt;name&gt;</c>; a <see cref="DhcpOptionFormat.Binary"/> option as colon-separated hex
/// without leading zeros ("7:65:78"), a <see cref="DhcpOptionFormat.Text"/> one as text;</item>
/// <item>udhcpc: <c>opt&lt;code&gt;</c> in hex, whatever the format;</item>
/// <item>dhcpcd: <c>new_&lt;name&gt;</c>; a <see cref="DhcpOptionFormat.DomainName"/> option decoded ("example.net").</item>
/// </list>
/// </summary>
internal static class DhcpClients
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>dhclient -4 -1: DISCOVER … ACK, then the hook's BOUND.</summary>
    public static async Task<DhcpClientRun> DhclientAsync(DhcpLab lab, string folder, IReadOnlyList<DhcpClientOption> options)
    {
        var dhclient = TestEnvironment.RequireTool("dhclient", "isc-dhcp-client");
        var config = new StringBuilder();
        foreach (var option in options)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"option {DashName(option)} code {option.Code} = {(option.Format == DhcpOptionFormat.Text ? "text" : "string")};");
        }

        config.AppendLine($"request subnet-mask, routers, domain-name-servers{string.Concat(options.Select(o => ", " + DashName(o)))};");
        return await RunAsync(lab, folder, "dhclient", config.ToString(), "dhclient.conf", (conf, hook) =>
            [dhclient, "-4", "-1", "-v", "-cf", conf, "-sf", hook, "-lf", Path.Combine(folder, "dhclient.leases"), "-pf", Path.Combine(folder, "dhclient.pid"), DhcpLab.ClientInterface]);
    }

    /// <summary>
    /// dhclient -6 -S -1: one Information-Request, then the hook's RENEW6 (stateless DHCPv6, RFC 8415 §18.2.6).
    /// <paramref name="patience"/> (default 40 s) ends a client that gets no answer.
    /// </summary>
    public static async Task<DhcpClientRun> Dhclient6StatelessAsync(DhcpLab lab, string folder, IReadOnlyList<DhcpClientOption> options, TimeSpan? patience = null)
    {
        var dhclient = TestEnvironment.RequireTool("dhclient", "isc-dhcp-client");
        await lab.WaitForClientLinkLocalAsync();
        var config = new StringBuilder();
        foreach (var option in options)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"option dhcp6.{DashName(option)} code {option.Code} = {(option.Format == DhcpOptionFormat.Text ? "text" : "string")};");
        }

        config.AppendLine($"request {string.Join(", ", options.Select(o => "dhcp6." + DashName(o)))};");
        return await RunAsync(lab, folder, "dhclient -6", config.ToString(), "dhclient6.conf", (conf, hook) =>
            [dhclient, "-6", "-S", "-1", "-v", "-cf", conf, "-sf", hook, "-lf", Path.Combine(folder, "dhclient6.leases"), "-pf", Path.Combine(folder, "dhclient6.pid"), DhcpLab.ClientInterface],
            patience);
    }

    /// <summary>udhcpc -n -q: DISCOVER … ACK, then the hook's "bound".</summary>
    public static async Task<DhcpClientRun> UdhcpcAsync(DhcpLab lab, string folder, IReadOnlyList<DhcpClientOption> options)
    {
        var udhcpc = TestEnvironment.RequireTool("udhcpc", "udhcpc");
        return await RunAsync(lab, folder, "udhcpc", null, null, (_, hook) =>
            [udhcpc, "-i", DhcpLab.ClientInterface, "-n", "-q", "-f", "-t", "5", "-s", hook, .. options.SelectMany(o => new[] { "-O", o.Code.ToString(CultureInfo.InvariantCulture) })]);
    }

    /// <summary>
    /// dhcpcd -4 -1: DISCOVER … ACK, then the hook's BOUND; with <paramref name="informAddress"/> (ADDRESS/PREFIX,
    /// already on the interface) DHCPINFORM instead, then the hook's INFORM (RFC 2131 §3.4). <paramref name="patience"/>
    /// (default 40 s) ends a client that gets no answer; dhcpcd itself gives up a second before.
    /// </summary>
    public static async Task<DhcpClientRun> DhcpcdAsync(
        DhcpLab lab, string folder, IReadOnlyList<DhcpClientOption> options, string? informAddress = null, TimeSpan? patience = null)
    {
        var dhcpcd = TestEnvironment.RequireTool("dhcpcd", "dhcpcd-base");
        var config = new StringBuilder();
        foreach (var option in options)
        {
            var type = option.Format switch
            {
                DhcpOptionFormat.DomainName => "domain",
                DhcpOptionFormat.Text => "string",
                _ => "binhex",
            };
            config.AppendLine(CultureInfo.InvariantCulture, $"define {option.Code} {type} {UnderscoreName(option)}");
        }

        if (options.Count > 0)
        {
            config.AppendLine($"option {string.Join(", ", options.Select(UnderscoreName))}");
        }

        // Nothing of the machine's own configuration is touched.
        config.AppendLine("ipv4only").AppendLine("nohook resolv.conf, timesyncd, hostname, ntp.conf").AppendLine("noarp");
        var giveUp = patience is { } brief && brief < TimeSpan.FromSeconds(21) ? Math.Max(1, (int)brief.TotalSeconds - 1) : 20;
        return await RunAsync(lab, folder, informAddress is null ? "dhcpcd" : "dhcpcd --inform", config.ToString(), "dhcpcd.conf", (conf, hook) =>
            [dhcpcd, "-f", conf, "-c", hook, "-4", "-1", "-B", "-t", giveUp.ToString(CultureInfo.InvariantCulture),
             .. informAddress is null ? Array.Empty<string>() : ["--inform", informAddress], DhcpLab.ClientInterface],
            patience);
    }

    private static async Task<DhcpClientRun> RunAsync(
        DhcpLab lab, string folder, string client, string? config, string? configName, Func<string, string, string[]> arguments, TimeSpan? patience = null)
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, $"hook-{Guid.NewGuid():N}.out");
        var hook = Path.Combine(folder, $"hook-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\n{{ echo \"==event ${{reason:-$1}}\"; env; }} >> '{output}'\nexit 0\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var conf = string.Empty;
        if (config is not null)
        {
            conf = Path.Combine(folder, configName!);
            await File.WriteAllTextAsync(conf, config);
        }

        var argv = arguments(conf, hook);
        var seconds = (int)Math.Ceiling((patience ?? Patience).TotalSeconds);
        var run = ToolProcess.RunAsync("timeout", [seconds.ToString(CultureInfo.InvariantCulture), "ip", "netns", "exec", lab.Client, .. argv]);
        var (exit, text) = await run;
        var events = File.Exists(output) ? DhcpHookEvent.Parse(await File.ReadAllTextAsync(output)) : [];
        return new DhcpClientRun(client, exit, text, events);
    }

    private static string DashName(DhcpClientOption option) => option.Name.Replace('_', '-');

    private static string UnderscoreName(DhcpClientOption option) => option.Name.Replace('-', '_');
}

/// <summary>An option a client is told to ask for, and how its configuration language should read it.</summary>
internal sealed record DhcpClientOption(int Code, string Name, DhcpOptionFormat Format);

/// <summary>How a client should decode an option it is told about.</summary>
internal enum DhcpOptionFormat
{
    /// <summary>Bytes, shown in hex.</summary>
    Binary,

    /// <summary>Text (an URI).</summary>
    Text,

    /// <summary>An RFC 1035 wire-format name (RFC 5986's access domain).</summary>
    DomainName,
}
