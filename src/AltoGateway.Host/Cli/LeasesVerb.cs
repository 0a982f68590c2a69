using System.CommandLine;
using System.Globalization;

namespace AltoGateway.Host.Cli;

/// <summary>
/// <c>altogw leases [--interface NAME]</c>: the running agent's DHCPv4 server leases, asked on the control socket —
/// per interface the leases bound and the pool size, then one line per remembered address: address, state, client
/// (MAC when Ethernet, else the client identifier in hex) and when the state ends.
/// </summary>
internal static class LeasesVerb
{
    public static Command Command(Option<FileInfo?> config, Option<string?> socket)
    {
        var name = new Option<string?>("--interface", "-i") { Description = "Only this interface" };
        var leases = new Command("leases", "List the running agent's DHCPv4 server leases.") { name };
        leases.SetAction((parse, cancellation) => ListAsync(
            new ControlClient(parse.GetValue(socket) ?? CheckConfigVerb.ControlSocketPath(parse.GetValue(config)?.FullName)),
            parse.GetValue(name), cancellation));
        return leases;
    }

    private static async Task<int> ListAsync(ControlClient client, string? name, CancellationToken cancellation)
    {
        using (client)
        {
            var failure = 0;
            var query = name is null ? string.Empty : $"?interface={Uri.EscapeDataString(name)}";
            using var document = await client.GetAsync($"control/dhcp/leases{query}", Console.Error, code => failure = code, cancellation).ConfigureAwait(false);
            if (document is null)
            {
                return failure;
            }

            var interfaces = document.RootElement.GetProperty("interfaces");
            if (interfaces.GetArrayLength() == 0)
            {
                Console.WriteLine("no interface is in DHCPv4 server mode");
            }

            foreach (var nic in interfaces.EnumerateArray())
            {
                var label = nic.GetProperty("interface").GetString();
                if (!nic.GetProperty("serving").GetBoolean())
                {
                    Console.WriteLine($"{label}: not serving: {nic.GetProperty("problem").GetString()}");
                    continue;
                }

                Console.WriteLine($"{label}: {nic.GetProperty("bound").GetInt32()} leases bound of {nic.GetProperty("poolSize").GetInt32()} addresses");
                foreach (var lease in nic.GetProperty("leases").EnumerateArray())
                {
                    var who = lease.GetProperty("mac").GetString() ?? lease.GetProperty("client").GetString();
                    var until = lease.GetProperty("until").GetDateTimeOffset().ToString("u", CultureInfo.InvariantCulture);
                    Console.WriteLine($"{lease.GetProperty("address").GetString(),-15} {lease.GetProperty("state").GetString(),-8} {who}  until {until}");
                }
            }

            return 0;
        }
    }
}
