using System.Diagnostics;
using System.Globalization;
using System.Net;
using AltoGateway.Dhcp.CrashChild;
using AltoGateway.Dhcp.Leases;

namespace AltoGateway.Dhcp.Tests.Leases;

/// <summary>
/// The promise: <c>kill -9</c> at any moment loses no acknowledged lease and never hands one
/// address to two clients. A child process (<see cref="LeaseCrashWorkload"/>, a program of its own) commits leases from
/// several workers, with frequent compactions, and is killed with SIGKILL after a seeded random
/// number of acknowledgements; the journal is then reloaded and checked against what the child
/// reported as committed. Four rounds share the state directory, so each round starts from the
/// journal the previous kill left.
/// </summary>
public sealed class LeaseCrashTests : IDisposable
{
    private readonly LeaseTestPools.TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task A_sigkill_at_a_random_moment_loses_no_acknowledged_lease(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 4; round++)
        {
            var lines = await RunChildUntilKilledAsync(seed * 10 + round, killAfterAcks: random.Next(5, 400));
            await CheckJournalAsync(lines);
        }
    }

    private async Task<List<string>> RunChildUntilKilledAsync(int seed, int killAfterAcks)
    {
        // The child is its own small program (tests/AltoGateway.Dhcp.CrashChild), copied next to this assembly.
        var program = typeof(LeaseCrashWorkload).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", ["exec", program, _directory.Path, seed.ToString(CultureInfo.InvariantCulture)]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        using var child = Process.Start(start) ?? throw new InvalidOperationException("the child did not start");
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2)); // a hang guard, not a timing assertion
        var lines = new List<string>(); // the runner's own lines are ignored by the check
        try
        {
            var acks = 0;
            while (acks < killAfterAcks && await child.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                lines.Add(line);
                acks += line.StartsWith("ACK ", StringComparison.Ordinal) ? 1 : 0;
            }

            if (acks < killAfterAcks)
            {
                // The child ended by itself: its standard error says why (read only now that it has exited).
                Assert.Fail($"the child stopped after {acks} acknowledgements: {await errors}");
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL on Linux; a no-op when it has exited
        }

        // What was already in the pipe was written before the kill; a last line without its newline is cut.
        var rest = await child.StandardOutput.ReadToEndAsync(guard.Token);
        var complete = rest.Split('\n');
        lines.AddRange(complete[..^1]);
        await child.WaitForExitAsync(guard.Token);
        return lines;
    }

    private async Task CheckJournalAsync(List<string> lines)
    {
        // Per client, its last line: ACK or REL is settled (the store returned); REQ or NAK means an
        // operation may have been in flight at the kill, so either outcome is allowed.
        var last = new Dictionary<int, string[]>();
        foreach (var line in lines.Where(l => l.Length > 4 && l[3] == ' ' && l[..3] is "REQ" or "ACK" or "REL" or "NAK"))
        {
            var fields = line.Split(' ');
            last[int.Parse(fields[1], CultureInfo.InvariantCulture)] = fields;
        }

        await using var store = await LeaseStore.OpenAsync(
            LeaseCrashWorkload.Pool(), LeaseCrashWorkload.Times(), _directory.Path, LeaseCrashWorkload.InterfaceName, TimeProvider.System,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(store.LoadProblem is null or { Kind: LeaseJournalProblemKind.TornTail }, $"journal problem: {store.LoadProblem}");
        var bound = store.Snapshot().Where(e => e.State == LeaseState.Bound).ToList();
        Assert.Equal(bound.Count, bound.Select(e => e.Client).Distinct().Count());
        var byAddress = store.Snapshot().ToDictionary(e => e.Address);

        var checkedAcks = 0;
        foreach (var (number, fields) in last)
        {
            var client = LeaseCrashWorkload.Client(number).Identity;
            switch (fields[0])
            {
                case "ACK":
                    var entry = byAddress[IPAddress.Parse(fields[2])];
                    Assert.Equal((LeaseState.Bound, client, long.Parse(fields[3], CultureInfo.InvariantCulture)), (entry.State, entry.Client, entry.Until));
                    checkedAcks++;
                    break;
                case "REL":
                    Assert.DoesNotContain(bound, e => e.Client == client);
                    break;
            }
        }

        Assert.True(checkedAcks > 0);
    }
}
