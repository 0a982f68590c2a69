using System.Net;
using AltoGateway.Dhcp.Leases;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>
/// Seeded random sequences of every operation from many clients, against the journaled store:
/// no address is ever acknowledged to a client while another holds it, reserved, excluded and
/// server addresses never go to the wrong client, and reloading the journal gives the same table.
/// </summary>
public sealed class LeasePropertyTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Random_operations_keep_the_invariants_and_reload_to_the_same_table(int seed)
    {
        var random = new Random(seed);
        var clock = Clock();
        var pool = Create(Address("192.168.1.130"));
        var clients = Enumerable.Range(1, 40).Select(Client).Append(ReservedClient).Append(ReservedInRangeClient).ToArray();
        var held = new Dictionary<IPAddress, (LeaseClient Client, DateTimeOffset Expiry)>();
        var ct = TestContext.Current.CancellationToken;
        var store = await LeaseStore.OpenAsync(pool, Times(), _directory.Path, "lan", clock, compactAfterRecords: 50, ct);
        try
        {
            for (var step = 0; step < 1500; step++)
            {
                var client = clients[random.Next(clients.Length)];
                var someAddress = pool.AddressAt(random.Next(90, 140));
                switch (random.Next(9))
                {
                    case 0 or 1:
                        var offer = store.Offer(client, random.Next(3) == 0 ? someAddress : null);
                        if (offer.IsOffered)
                        {
                            CheckAllowed(pool, client, offer.Address!);
                            var chosen = random.Next(5) == 0 ? someAddress : offer.Address;
                            Check(await store.RequestAsync(RequestState.Selecting, client, random.Next(10) == 0 ? Address("192.168.1.2") : Server, chosen, IPAddress.Any, cancellationToken: ct));
                        }

                        break;
                    case 2:
                        Check(await store.RequestAsync(RequestState.InitReboot, client, null, random.Next(2) == 0 ? Held(client) ?? someAddress : someAddress, IPAddress.Any, cancellationToken: ct));
                        break;
                    case 3:
                        Check(await store.RequestAsync(random.Next(2) == 0 ? RequestState.Renewing : RequestState.Rebinding, client, null, null, Held(client) ?? someAddress, cancellationToken: ct));
                        break;
                    case 4:
                        if (await store.ReleaseAsync(client, Held(client) ?? someAddress, ct) == LeaseChangeOutcome.Applied)
                        {
                            held.Remove(held.First(h => h.Value.Client == client).Key);
                        }

                        break;
                    case 5:
                        var target = random.Next(2) == 0 ? Held(client) ?? someAddress : someAddress;
                        if (await store.DeclineAsync(client, target, ct) == LeaseChangeOutcome.Applied)
                        {
                            held.Remove(target);
                        }

                        break;
                    case 6:
                        await store.MarkInUseAsync(someAddress, ct);
                        break;
                    case 7:
                        clock.Advance(TimeSpan.FromSeconds(random.Next(1, 1200)));
                        break;
                    default:
                        if (random.Next(10) == 0)
                        {
                            var before = store.Snapshot();
                            await store.DisposeAsync();
                            store = await LeaseStore.OpenAsync(pool, Times(), _directory.Path, "lan", clock, compactAfterRecords: 50, ct);
                            Assert.Null(store.LoadProblem);
                            Assert.Equal(before, store.Snapshot());
                        }

                        break;
                }

                var bound = store.Snapshot().Where(e => e.State == LeaseState.Bound).ToList();
                Assert.Equal(bound.Count, bound.Select(e => e.Client).Distinct().Count());
                foreach (var entry in bound)
                {
                    Assert.Equal(held[entry.Address].Client.Identity, entry.Client);
                }

                void Check(RequestDecision decision)
                {
                    if (decision.Outcome != RequestOutcome.Ack)
                    {
                        return;
                    }

                    var address = decision.Address!;
                    CheckAllowed(pool, client, address);
                    var now = clock.GetUtcNow();
                    Assert.False(
                        held.TryGetValue(address, out var holder) && holder.Client != client && holder.Expiry > now,
                        $"step {step}: {address} acknowledged to {client} while {holder.Client} holds it");
                    foreach (var stale in held.Where(h => h.Value.Client == client).Select(h => h.Key).ToList())
                    {
                        held.Remove(stale);
                    }

                    held[address] = (client, decision.Expiry);
                }
            }

            var final = store.Snapshot();
            await store.DisposeAsync();
            store = await LeaseStore.OpenAsync(pool, Times(), _directory.Path, "lan", clock, cancellationToken: ct);
            Assert.Equal(final, store.Snapshot());
        }
        finally
        {
            await store.DisposeAsync();
        }

        IPAddress? Held(LeaseClient client) => held.FirstOrDefault(h => h.Value.Client == client).Key;
    }

    private static void CheckAllowed(LeasePool pool, LeaseClient client, IPAddress address)
    {
        Assert.True(pool.TryGetOffset(address, out var offset));
        Assert.True(pool.IsPoolable(offset) || pool.IsReservedFor(offset, client), $"{address} given to {client}");
        Assert.NotEqual(Server, address);
        Assert.NotEqual(Excluded, address);
    }
}
