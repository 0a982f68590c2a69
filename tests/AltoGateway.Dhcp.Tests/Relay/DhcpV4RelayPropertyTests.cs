using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Tests.V4;
using AltoGateway.Dhcp.V4;
using static AltoGateway.Dhcp.Tests.Relay.RelayFixtures;

namespace AltoGateway.Dhcp.Tests.Relay;

/// <summary>
/// Seeded property tests: whatever a server (or a client) sends that the codec reads, the relay decides without
/// throwing, the reply it delivers writes, and every option of the server's that is not an ALTO option (nor our
/// option 82) is still there, octet for octet and in the same order.
/// </summary>
public class DhcpV4RelayPropertyTests
{
    private static readonly byte[] AltoCodes = [DhcpV4OptionCode.AccessDomain, AltoSettings.SiteSpecificUriCode, DhcpV4OptionCode.VendorIdentifyingVendorSpecific];

    private static readonly byte[][] Valid =
    [
        Wire(Offer()),
        Wire(Ack(extra: "d505 0161 0162 00 ea01 78 7d06 00007ed9 0100")),
        Wire(Offer(extra: "520e 0104 65746831 0206 6370652d3137")),
        DhcpV4Packets.Build(2, "3501 05 3401 03 ff", giaddr: "192.0.2.1", file: "7d05 00007ed9 00 d501 00 ff", sname: "0f01 61 ff"),
        DhcpV4Packets.Discover(),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_replies_and_requests_never_throw_and_keep_every_non_alto_option(int seed)
    {
        var random = new Random(seed);
        var relays = new[] { NewRelay(), NewRelay(Option82, alto: AltoSettings with { AlwaysSend = true }), NewRelay(Option82, trusted: true) };
        foreach (var valid in Valid)
        {
            for (var i = 0; i < 1500; i++)
            {
                var packet = (byte[])valid.Clone();
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                {
                    packet[random.Next(packet.Length)] = (byte)random.Next(256);
                }

                packet[24] = 192; // mostly keep giaddr ours so replies get past the first checks
                packet[25] = 0;
                packet[26] = 2;
                packet[27] = (byte)(random.Next(8) == 0 ? random.Next(256) : 1);
                if (!DhcpV4Reader.TryRead(packet, out var message, out _))
                {
                    continue;
                }

                var relay = relays[random.Next(relays.Length)];
                Check(relay, message, random.Next(4) == 0 ? ServerB : ServerA);
            }
        }
    }

    private static void Check(DhcpV4Relay relay, DhcpV4Message message, System.Net.IPAddress source)
    {
        var forward = relay.ForwardRequest(message, InterfaceAddress);
        if (forward.Message is { } forwarded)
        {
            Assert.True(DhcpV4Writer.TryWrite(forwarded, new byte[1472], out _) == System.Buffers.OperationStatus.Done);
        }

        var back = relay.ReturnReply(message, source, InterfaceAddresses, _ => PeerId);
        if (back.Message is not { } delivered)
        {
            return;
        }

        var kept = message.Options.Where(o => !AltoCodes.Contains(o.Code) && o.Code != DhcpV4OptionCode.RelayAgentInformation);
        var after = delivered.Options.Where(o => !AltoCodes.Contains(o.Code) && o.Code != DhcpV4OptionCode.RelayAgentInformation);
        Assert.Equal(Listing(kept), Listing(after));
        _ = DhcpV4Writer.TryWrite(delivered, new byte[back.MaximumLength], out _); // may be too large; never throws
    }
}
