using System.Text.RegularExpressions;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Discovery;

/// <summary>
/// The discovery responder of a real agent, asked by dig (BIND) and kdig (Knot) over UDP and TCP: the exact
/// NAPTRs of RFC 7286 and RFC 8686, NXDOMAIN, REFUSED, truncation over UDP and the full answer over TCP.
/// </summary>
public sealed partial class DiscoveryResponderTests(ResponderAgent agent) : IClassFixture<ResponderAgent>
{
    public static TheoryData<string, string> Tools => new()
    {
        { "dig", "+notcp" },
        { "dig", "+tcp" },
        { "kdig", "+notcp" },
        { "kdig", "+tcp" },
    };

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task The_access_domain_NAPTR_points_at_the_LAN_directory(string tool, string transport)
    {
        var output = await AskAsync(tool, transport, "example.net", "NAPTR", "+short");

        Assert.Equal([$"100 10 \"u\" \"ALTO:http\" \"!.*!{agent.LanDirectory}!\" ."], Lines(output));
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task A_reverse_name_of_the_pool_points_at_the_WAN_directories_in_order(string tool, string transport)
    {
        // Three records take 650 octets: more than plain DNS allows over UDP, so the UDP question has EDNS (kdig
        // sends none by default, and with +notcp does not retry over TCP).
        var output = await AskAsync(tool, transport, "+bufsize=1232", "-x", "198.51.100.7", "-t", "NAPTR", "+short");

        var expected = agent.WanDirectories.Select((uri, i) => $"100 {10 * (i + 1)} \"u\" \"ALTO:{uri[..uri.IndexOf(':', StringComparison.Ordinal)]}\" \"!.*!{uri}!\" .");
        Assert.Equal(expected.Order(StringComparer.Ordinal), Lines(output).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task A_name_in_our_zone_that_does_not_exist_is_NXDOMAIN_with_the_SOA(string tool, string transport)
    {
        var output = await AskAsync(tool, transport, "nothing.example.net", "NAPTR");

        Assert.Equal("NXDOMAIN", Status(output));
        Assert.Contains(Lines(output), line => Regex.IsMatch(line, @"^example\.net\.\s+300\s+IN\s+SOA\s+ns\.example\.net\.\s+hostmaster\.example\.net\.\s+\d+\s+3600\s+600\s+604800\s+300$"));
        Assert.Matches(Flags(tool), output); // authoritative
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task A_recursive_question_about_another_zone_is_REFUSED(string tool, string transport)
    {
        var output = await AskAsync(tool, transport, "+rec", "www.example.com", "A");

        Assert.Equal("REFUSED", Status(output));
        Assert.DoesNotMatch(Flags(tool), output);
    }

    [Theory]
    [InlineData("dig")]
    [InlineData("kdig")]
    public async Task A_big_answer_is_truncated_over_UDP_with_a_small_buffer_and_complete_over_TCP(string tool)
    {
        var udp = await AskAsync(tool, "+notcp", "+bufsize=512", "+ignore", "-x", "198.51.100.7", "-t", "NAPTR");
        var tcp = await AskAsync(tool, "+tcp", "+bufsize=512", "-x", "198.51.100.7", "-t", "NAPTR");

        Assert.Equal("NOERROR", Status(udp));
        Assert.Matches(tool == "dig" ? @"flags: qr aa tc" : @"Flags: qr aa tc", udp);
        Assert.DoesNotContain(Lines(udp), line => line.Contains("\tNAPTR\t", StringComparison.Ordinal) && !line.StartsWith(';'));
        Assert.Equal(3, Lines(tcp).Count(line => Regex.IsMatch(line, @"^7\.100\.51\.198\.in-addr\.arpa\.\s+3600\s+IN\s+NAPTR\s+100 ")));
    }

    private static Regex Flags(string tool) => tool == "dig" ? DigAuthoritative() : KdigAuthoritative();

    private async Task<string> AskAsync(string tool, params string[] arguments)
    {
        var path = TestEnvironment.RequireTool(tool, tool == "dig" ? "dnsutils" : "knot-dnsutils");
        string[] common = ["@127.0.0.1", "-p", agent.DnsPort, "+time=5", "+retry=1"];
        var (exit, output) = await ToolProcess.RunAsync(path, [.. common, .. arguments]);
        Assert.True(exit == 0, $"{tool} {string.Join(' ', arguments)} exited with {exit}:\n{output}\n--- agent ---\n{agent.Process.Output}");
        return output;
    }

    private static string Status(string output) => StatusLine().Match(output) is { Success: true } match ? match.Groups["status"].Value : $"(no status in: {output})";

    private static List<string> Lines(string output) =>
        [.. output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith(';'))];

    [GeneratedRegex(@"status: (?<status>[A-Z]+)")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@";; flags: qr aa")]
    private static partial Regex DigAuthoritative();

    [GeneratedRegex(@";; Flags: qr aa")]
    private static partial Regex KdigAuthoritative();
}
