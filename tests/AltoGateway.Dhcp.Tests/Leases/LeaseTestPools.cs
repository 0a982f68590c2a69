using System.Net;
using AltoGateway.Dhcp.Leases;
using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>Pools, clients and clocks the lease tests share.</summary>
internal static class LeaseTestPools
{
    public static readonly IPAddress Server = IPAddress.Parse("192.168.1.1");

    /// <summary>The reserved client's MAC (reservation by MAC) and its address, outside the range.</summary>
    public static readonly LeaseClient ReservedClient = Client(200);

    public static readonly IPAddress ReservedAddress = IPAddress.Parse("192.168.1.20");

    /// <summary>A reservation inside the range, by client identifier.</summary>
    public static readonly LeaseClient ReservedInRangeClient = new(ClientIdentity.FromClientIdentifier([0xFF, 1, 2, 3, 4]), ClientIdentity.FromEthernet([2, 0, 0, 0, 0, 201]));

    public static readonly IPAddress ReservedInRangeAddress = IPAddress.Parse("192.168.1.105");

    public static readonly IPAddress Excluded = IPAddress.Parse("192.168.1.102");

    /// <summary>192.168.1.0/24, server .1, range .100–.109 (.102 excluded, .105 reserved), .20 reserved outside the range.</summary>
    public static LeasePool Small() => Create(IPAddress.Parse("192.168.1.109"));

    public static LeasePool Create(IPAddress last, int prefixLength = 24, IPAddress? subnet = null, IPAddress? first = null)
    {
        var settings = new LeasePoolSettings
        {
            Subnet = subnet ?? IPAddress.Parse("192.168.1.0"),
            PrefixLength = prefixLength,
            ServerAddress = Server,
        };
        settings.Ranges.Add(new LeaseRange(first ?? IPAddress.Parse("192.168.1.100"), last));
        settings.Excluded.Add(Excluded);
        settings.Reservations.Add(new LeaseReservation(ReservedClient.Hardware, ReservedAddress));
        settings.Reservations.Add(new LeaseReservation(ReservedInRangeClient.Identity, ReservedInRangeAddress));
        Assert.True(LeasePool.TryCreate(settings, out var pool, out var errors), string.Join("; ", errors));
        return pool;
    }

    /// <summary>An Ethernet client 02:00:00:00:HI:LO without option 61.</summary>
    public static LeaseClient Client(int number) => LeaseClient.FromEthernet([2, 0, 0, 0, (byte)(number >> 8), (byte)number]);

    public static LeaseTimes Times() => new()
    {
        LeaseTime = TimeSpan.FromHours(1),
        MaxLeaseTime = TimeSpan.FromHours(2),
        OfferHold = TimeSpan.FromSeconds(30),
        DeclineQuarantine = TimeSpan.FromMinutes(10),
        ConflictQuarantine = TimeSpan.FromMinutes(5),
        RememberFor = TimeSpan.FromDays(1),
    };

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static IPAddress Address(string text) => IPAddress.Parse(text);

    /// <summary>Offers then binds (SELECTING) an address for <paramref name="client"/>; returns it.</summary>
    public static IPAddress Bind(LeaseTable table, LeaseClient client, IPAddress? requested = null)
    {
        var offer = table.Offer(client, requested);
        Assert.True(offer.IsOffered);
        var (decision, record) = table.Request(RequestState.Selecting, client, Server, offer.Address, IPAddress.Any);
        Assert.Equal(RequestOutcome.Ack, decision.Outcome);
        Assert.NotNull(record);
        return decision.Address!;
    }

    /// <summary>A fresh state directory under the temporary folder; deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "altogw-leases-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
