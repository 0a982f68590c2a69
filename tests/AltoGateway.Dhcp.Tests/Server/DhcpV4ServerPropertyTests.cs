using System.Net;
using AltoGateway.Dhcp.V4;
using static AltoGateway.Dhcp.Tests.DhcpServer.DhcpV4ServerTestBed;

namespace AltoGateway.Dhcp.Tests.DhcpServer;

/// <summary>
/// Seeded random message sequences from many clients — every message type, right and wrong addresses, server
/// identifiers, ciaddr, unicast and broadcast, the clock moving on — never make the server throw, and no address
/// is ever ACKed to a client while another client holds an unexpired ACK for it that it did not release or decline.
/// </summary>
public sealed class DhcpV4ServerPropertyTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public async Task Random_sequences_never_give_one_address_to_two_clients(int seed)
    {
        var random = new Random(seed);
        await using var bed = await CreateAsync();
        var held = new Dictionary<IPAddress, (int Client, DateTimeOffset Until)>();
        var lastOffer = new Dictionary<int, IPAddress>();
        IPAddress RandomAddress() => random.Next(4) switch
        {
            0 => IPAddress.Parse("10.0.0." + random.Next(1, 9)),
            _ => IPAddress.Parse("192.168.1." + random.Next(95, 112)),
        };

        for (var step = 0; step < 3000; step++)
        {
            var client = random.Next(1, 16);
            var type = (DhcpV4MessageType)random.Next(1, 9);
            var mine = held.FirstOrDefault(h => h.Value.Client == client).Key;
            var address = random.Next(3) switch
            {
                0 => RandomAddress(),
                1 => mine,
                _ => lastOffer.GetValueOrDefault(client),
            };
            var serverId = random.Next(5) switch { 0 => null, 1 => IPAddress.Parse("192.168.1.2"), _ => ServerAddress };
            var message = type switch
            {
                DhcpV4MessageType.Request => random.Next(3) switch
                {
                    0 => Message(type, client, requested: address, serverId: serverId),
                    1 => Message(type, client, requested: address),
                    _ => Message(type, client, ciaddr: address),
                },
                DhcpV4MessageType.Release or DhcpV4MessageType.Inform => Message(type, client, ciaddr: address, serverId: serverId),
                _ => Message(type, client, requested: address, serverId: serverId),
            };

            var response = await bed.SendAsync(message, broadcast: random.Next(2) == 0);
            var now = bed.Clock.GetUtcNow();
            switch (response.Reply?.MessageType)
            {
                case DhcpV4MessageType.Offer:
                    lastOffer[client] = response.Reply.YourAddress;
                    break;
                case DhcpV4MessageType.Ack when type == DhcpV4MessageType.Request:
                    var given = response.Reply.YourAddress;
                    if (held.TryGetValue(given, out var holder) && holder.Client != client && holder.Until > now)
                    {
                        Assert.Fail($"step {step}: {given} ACKed to client {client} while client {holder.Client} holds it until {holder.Until}");
                    }

                    foreach (var old in held.Where(h => h.Value.Client == client).Select(h => h.Key).ToList())
                    {
                        held.Remove(old); // one binding per client
                    }

                    // Option 51 is rounded up: count the holder's lease a second shorter.
                    held[given] = (client, now.AddSeconds(UInt32(response.Reply, DhcpV4OptionCode.LeaseTime) - 1));
                    break;
            }

            if (type is DhcpV4MessageType.Release or DhcpV4MessageType.Decline && serverId?.Equals(IPAddress.Parse("192.168.1.2")) != true
                && address is not null && held.TryGetValue(address, out var released) && released.Client == client)
            {
                held.Remove(address);
            }

            if (random.Next(20) == 0)
            {
                bed.Clock.Advance(TimeSpan.FromSeconds(random.Next(1, 900)));
            }
        }

        Assert.NotEmpty(held);
    }
}
