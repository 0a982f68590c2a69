using System.Net;
using AltoGateway.Dhcp.Leases;

namespace AltoGateway.Dhcp.CrashChild;

/// <summary>
/// What the crash child does, and what the crash test checks it against: one pool, clients numbered
/// 0 … <see cref="Clients"/> − 1, several workers committing leases forever. Lines on standard output:
/// <c>REQ client</c> before each operation, then <c>ACK client address expiry</c>, <c>REL client address</c>
/// or <c>NAK client</c> once the store returned (an ACK is on disk when its line is printed).
/// </summary>
public static class LeaseCrashWorkload
{
    public const string InterfaceName = "crash0";
    public const int Clients = 200;
    public const int Workers = 4;

    public static readonly IPAddress Server = IPAddress.Parse("10.20.0.1");

    public static LeasePool Pool()
    {
        var settings = new LeasePoolSettings { Subnet = IPAddress.Parse("10.20.0.0"), PrefixLength = 22, ServerAddress = Server };
        settings.Ranges.Add(new LeaseRange(IPAddress.Parse("10.20.0.10"), IPAddress.Parse("10.20.3.250")));
        return LeasePool.TryCreate(settings, out var pool, out var errors) ? pool : throw new InvalidOperationException(string.Join("; ", errors));
    }

    public static LeaseTimes Times() => new() { LeaseTime = TimeSpan.FromHours(1), MaxLeaseTime = TimeSpan.FromHours(1) };

    public static LeaseClient Client(int number) => LeaseClient.FromEthernet([2, 0, 0, 0, (byte)(number >> 8), (byte)number]);

    /// <summary>Commits leases in <paramref name="directory"/> until the process is killed.</summary>
    public static async Task RunAsync(string directory, int seed)
    {
        var store = await LeaseStore.OpenAsync(Pool(), Times(), directory, InterfaceName, TimeProvider.System, compactAfterRecords: 64);
        var output = TextWriter.Synchronized(Console.Out);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(() => WorkAsync(store, output, worker, new Random((seed * 31) + worker)))));
    }

    /// <summary>Each worker owns the clients ≡ worker (mod Workers), so a client's lines are in the order of its operations.</summary>
    private static async Task WorkAsync(LeaseStore store, TextWriter output, int worker, Random random)
    {
        var held = new Dictionary<int, IPAddress>();
        while (true)
        {
            var number = (random.Next(Clients / Workers) * Workers) + worker;
            var client = Client(number);
            output.WriteLine($"REQ {number}");
            RequestDecision decision;
            if (held.TryGetValue(number, out var address) && random.Next(3) == 0)
            {
                await store.ReleaseAsync(client, address);
                held.Remove(number);
                output.WriteLine($"REL {number} {address}");
                continue;
            }

            if (address is not null)
            {
                decision = await store.RequestAsync(RequestState.Renewing, client, null, null, address);
            }
            else
            {
                var offer = store.Offer(client);
                decision = await store.RequestAsync(RequestState.Selecting, client, Server, offer.Address, IPAddress.Any);
            }

            if (decision.Outcome == RequestOutcome.Ack)
            {
                held[number] = decision.Address!;
                output.WriteLine($"ACK {number} {decision.Address} {decision.Expiry.ToUnixTimeSeconds()}");
            }
            else
            {
                held.Remove(number);
                output.WriteLine($"NAK {number}");
            }
        }
    }
}
