using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using AltoGateway.Dhcp.V4;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Dhcp;

/// <summary>
/// tcpdump in the lab's client namespace writing every DHCPv4 server message (UDP source port 67) to a pcap file,
/// packet by packet (<c>-U</c>); <see cref="Acks"/> reads the DHCPACKs back as (chaddr, yiaddr): what the clients
/// were told they hold, seen independently of the agent.
/// </summary>
internal sealed class DhcpAckCapture : IAsyncDisposable
{
    private readonly Process _tcpdump;
    private readonly string _file;

    private DhcpAckCapture(Process tcpdump, string file)
    {
        _tcpdump = tcpdump;
        _file = file;
    }

    public static async Task<DhcpAckCapture> StartAsync(DhcpLab lab, string file)
    {
        var tcpdump = TestEnvironment.RequireTool("tcpdump", "tcpdump");
        var (ip, arguments) = lab.Exec(lab.Client, tcpdump, "-i", DhcpLab.ClientInterface, "-n", "-U", "-s", "1500", "-w", file, "udp", "and", "src", "port", "67");
        var start = new ProcessStartInfo(ip, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        var process = Process.Start(start) ?? throw new InvalidOperationException("tcpdump did not start");

        // tcpdump says "listening on c0" once it captures.
        var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(line?.Contains("listening on", StringComparison.Ordinal) == true, $"tcpdump: {line}");
        _ = process.StandardError.ReadToEndAsync();
        return new DhcpAckCapture(process, file);
    }

    /// <summary>The DHCPACKs captured so far, in order; a record cut short at the end of the file is left out.</summary>
    public IReadOnlyList<(string Mac, IPAddress Address)> Acks()
    {
        byte[] pcap;
        using (var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            pcap = new byte[stream.Length];
            stream.ReadExactly(pcap);
        }

        var acks = new List<(string, IPAddress)>();
        for (var offset = 24; offset + 16 <= pcap.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(pcap.AsSpan(offset + 8));
            var frame = offset + 16;
            offset = frame + length;
            if (offset > pcap.Length || length < 14 + 20 + 8)
            {
                break;
            }

            // Ethernet (14), IPv4 (IHL × 4), UDP (8), then the DHCP message.
            var ipHeader = (pcap[frame + 14] & 0x0F) * 4;
            var payload = pcap.AsSpan(frame + 14 + ipHeader + 8, length - 14 - ipHeader - 8);
            if (DhcpV4Reader.TryRead(payload, out var message, out _) && message.MessageType == DhcpV4MessageType.Ack && !message.YourAddress.Equals(IPAddress.Any))
            {
                acks.Add((Convert.ToHexStringLower(message.ClientHardwareAddress.Span), message.YourAddress));
            }
        }

        return acks;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_tcpdump.HasExited)
        {
            _tcpdump.Kill();
            await _tcpdump.WaitForExitAsync();
        }

        _tcpdump.Dispose();
    }
}
