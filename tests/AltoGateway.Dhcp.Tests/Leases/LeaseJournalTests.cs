using System.Net;
using AltoGateway.Dhcp.Leases;
using static AltoGateway.Dhcp.Tests.Leases.LeaseTestPools;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>The journal on disk: format, reload, damage, compaction.</summary>
public sealed class LeaseJournalTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock();

    public void Dispose() => _directory.Dispose();

    private Task<LeaseStore> OpenAsync(int compactAfterRecords = LeaseStore.DefaultCompactAfterRecords, LeasePool? pool = null) =>
        LeaseStore.OpenAsync(pool ?? Small(), Times(), _directory.Path, "eth0", _clock, compactAfterRecords, TestContext.Current.CancellationToken);

    private static async Task<IPAddress> BindAsync(LeaseStore store, LeaseClient client)
    {
        var offer = store.Offer(client);
        var decision = await store.RequestAsync(RequestState.Selecting, client, Server, offer.Address, IPAddress.Any, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(RequestOutcome.Ack, decision.Outcome);
        return decision.Address!;
    }

    [Fact]
    public void The_crc_is_ieee_crc32() => Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void A_record_round_trips_and_any_flipped_bit_is_caught()
    {
        var record = new LeaseRecord(LeaseRecordKind.Bind, 0xC0A80164, Client(7).Identity, 1_735_689_600);
        var bytes = new byte[LeaseRecordCodec.MaxLength];
        var length = LeaseRecordCodec.Write(record, 3, bytes);

        Assert.Equal(35, length);
        Assert.Equal(LeaseRecordCodec.ReadStatus.Done, LeaseRecordCodec.TryRead(bytes.AsSpan(0, length), 3, out var read, out var consumed));
        Assert.Equal((record, length), (read, consumed));
        Assert.Equal([0xC0, 0xA8, 0x01, 0x64], bytes[11..15]);
        Assert.Equal(LeaseRecordCodec.ReadStatus.Invalid, LeaseRecordCodec.TryRead(bytes.AsSpan(0, length), 4, out _, out _));
        Assert.Equal(LeaseRecordCodec.ReadStatus.Truncated, LeaseRecordCodec.TryRead(bytes.AsSpan(0, length - 1), 3, out _, out _));
        for (var bit = 16; bit < length * 8; bit++)
        {
            var damaged = bytes[..length];
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(LeaseRecordCodec.ReadStatus.Invalid, LeaseRecordCodec.TryRead(damaged, 3, out _, out _));
        }
    }

    [Fact]
    public async Task Leases_survive_a_restart_and_the_journal_is_private()
    {
        IPAddress bound;
        await using (var store = await OpenAsync())
        {
            bound = await BindAsync(store, Client(1));
            await BindAsync(store, Client(2));
            Assert.Equal(LeaseChangeOutcome.Applied, await store.ReleaseAsync(Client(2), await BindAsync(store, Client(2)), TestContext.Current.CancellationToken));
        }

        await using var reopened = await OpenAsync();
        Assert.Null(reopened.LoadProblem);
        var entries = reopened.Snapshot();
        Assert.Equal([LeaseState.Bound, LeaseState.Released], entries.Select(e => e.State));
        Assert.Equal(bound, entries[0].Address);
        Assert.Equal(Client(1).Identity, entries[0].Client);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(reopened.JournalPath));
        Assert.EndsWith("dhcp4-leases-eth0.journal", reopened.JournalPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_brings_expired_leases_back_as_expired_and_ends_quarantines()
    {
        await using (var store = await OpenAsync())
        {
            await BindAsync(store, Client(1));
            var declined = store.Offer(Client(2)).Address!;
            await store.DeclineAsync(Client(2), declined, TestContext.Current.CancellationToken);
        }

        _clock.Advance(TimeSpan.FromHours(2));
        await using var reopened = await OpenAsync();
        var entry = Assert.Single(reopened.Snapshot());
        Assert.Equal(LeaseState.Expired, entry.State);

        _clock.Advance(TimeSpan.FromDays(2));
        await using var later = await OpenAsync();
        Assert.Empty(later.Snapshot());
    }

    [Fact]
    public async Task A_torn_last_record_is_cut_off_and_everything_before_it_kept()
    {
        await using (var store = await OpenAsync())
        {
            for (var n = 1; n <= 3; n++)
            {
                await BindAsync(store, Client(n));
            }
        }

        var path = LeaseStore.JournalPathFor(_directory.Path, "eth0");
        var length = new FileInfo(path).Length;
        await using (var appending = new FileStream(path, FileMode.Append))
        {
            // Half of a fourth record, as a crash in mid-write leaves it.
            var record = new byte[LeaseRecordCodec.MaxLength];
            var size = LeaseRecordCodec.Write(new LeaseRecord(LeaseRecordKind.Bind, 0xC0A80169, Client(9).Identity, 1), 4, record);
            await appending.WriteAsync(record.AsMemory(0, size / 2), TestContext.Current.CancellationToken);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(new LeaseJournalProblem(LeaseJournalProblemKind.TornTail, length, 35 / 2, 3, null), reopened.LoadProblem);
        Assert.Equal(3, reopened.Snapshot().Count);
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public async Task A_corrupt_record_in_the_middle_stops_the_reading_there_and_is_preserved()
    {
        await using (var store = await OpenAsync())
        {
            for (var n = 1; n <= 4; n++)
            {
                await BindAsync(store, Client(n));
            }
        }

        var path = LeaseStore.JournalPathFor(_directory.Path, "eth0");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var second = LeaseRecordCodec.HeaderLength + 35;
        bytes[second + 20] ^= 0x40;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        await using var reopened = await OpenAsync();
        var problem = reopened.LoadProblem;
        Assert.NotNull(problem);
        Assert.Equal((LeaseJournalProblemKind.CorruptRecord, second, 3 * 35, 1), (problem.Kind, problem.Offset, problem.DroppedBytes, problem.RecordsKept));
        Assert.Equal(bytes[second..], await File.ReadAllBytesAsync(problem.PreservedCopy!, TestContext.Current.CancellationToken));
        Assert.Equal(Client(1).Identity, Assert.Single(reopened.Snapshot()).Client);
    }

    [Fact]
    public async Task A_file_that_is_not_a_journal_is_preserved_and_the_table_starts_empty()
    {
        var path = LeaseStore.JournalPathFor(_directory.Path, "eth0");
        await File.WriteAllTextAsync(path, "lease 192.168.1.100 { }\n", TestContext.Current.CancellationToken);

        await using var store = await OpenAsync();
        Assert.Equal(LeaseJournalProblemKind.UnknownFormat, store.LoadProblem?.Kind);
        Assert.True(File.Exists(store.LoadProblem!.PreservedCopy));
        Assert.Empty(store.Snapshot());
    }

    [Fact]
    public async Task Records_outside_a_changed_subnet_are_skipped_at_reload()
    {
        await using (var store = await OpenAsync())
        {
            await BindAsync(store, Client(1));
        }

        var settings = new LeasePoolSettings { Subnet = Address("10.1.1.0"), ServerAddress = Address("10.1.1.1") };
        settings.Ranges.Add(new LeaseRange(Address("10.1.1.100"), Address("10.1.1.120")));
        Assert.True(LeasePool.TryCreate(settings, out var otherSubnet, out _));
        await using var reopened = await OpenAsync(pool: otherSubnet);
        Assert.Equal((1, 1), (reopened.LoadedRecords, reopened.SkippedRecords));
        Assert.Empty(reopened.Snapshot());
    }

    [Fact]
    public async Task Compaction_while_commits_go_on_loses_no_record()
    {
        var pool = Create(Address("192.168.1.250"));
        var committed = new System.Collections.Concurrent.ConcurrentDictionary<IPAddress, LeaseClient>();
        await using (var store = await OpenAsync(compactAfterRecords: 16, pool: pool))
        {
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; n < 30; n++)
                {
                    var client = Client(1000 + (w * 100) + n);
                    var address = await BindAsync(store, client);
                    committed[address] = client;
                    if (n % 3 == 0)
                    {
                        // Extends make the journal grow past the table, so compactions keep starting.
                        await store.RequestAsync(RequestState.Renewing, client, null, null, address, cancellationToken: TestContext.Current.CancellationToken);
                    }
                }
            }, TestContext.Current.CancellationToken));
            var compactor = Task.Run(async () =>
            {
                for (var n = 0; n < 20; n++)
                {
                    await store.CompactAsync(TestContext.Current.CancellationToken);
                }
            }, TestContext.Current.CancellationToken);
            await Task.WhenAll([.. writers, compactor]);
            Assert.Equal(0, store.CompactionFailures);
        }

        await using var reopened = await OpenAsync(pool: pool);
        Assert.Null(reopened.LoadProblem);
        var bound = reopened.Snapshot().Where(e => e.State == LeaseState.Bound).ToDictionary(e => e.Address, e => e.Client);
        Assert.Equal(120, committed.Count);
        foreach (var (address, client) in committed)
        {
            Assert.Equal(client.Identity, bound[address]);
        }

        Assert.True(new FileInfo(reopened.JournalPath).Length < LeaseRecordCodec.HeaderLength + (121 * 35));
    }

    [Fact]
    public async Task Concurrent_commits_all_land()
    {
        var pool = Create(Address("192.168.1.250"));
        await using var store = await OpenAsync(pool: pool);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(n => Task.Run(() => BindAsync(store, Client(n)), TestContext.Current.CancellationToken)));
        Assert.Equal(64, store.Snapshot().Count);
    }
}
