using System.Runtime.InteropServices;
using AltoGateway.Health;
using AltoGateway.Host.Nat;
using AltoGateway.Tests.Shared;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// The conntrack feed where it cannot work: it must say why in its health and its log, keep
/// retrying with growing delays, and never end (nor take the agent down with it).
/// </summary>
public sealed class ConntrackFeedFailureTests
{
    private const int CapNetAdmin = 12;

    [Fact(Timeout = 60_000)]
    public async Task Without_CAP_NET_ADMIN_the_feed_is_degraded_with_the_reason_and_retries()
    {
        TestEnvironment.RequireRoot("drops CAP_NET_ADMIN from one thread, which only a process holding it can do");
        var cancellationToken = TestContext.Current.CancellationToken;

        // Capabilities belong to threads: the socket is opened on a thread without CAP_NET_ADMIN,
        // so the kernel refuses to join the conntrack groups (EPERM), as for an unprivileged agent.
        await using var feed = new FeedHarness(new ConntrackFeedOptions(), options => WithoutCapability(CapNetAdmin, () => ConntrackSocket.Open(options)));
        await feed.StartOnlyAsync(cancellationToken);

        await feed.Until(() => feed.Component.State == HealthState.Degraded, TimeSpan.FromSeconds(10), "degraded health", cancellationToken);
        Assert.Contains("CAP_NET_ADMIN", feed.Component.Reason, StringComparison.Ordinal);

        // The first retry comes after 1 s, the next after 2 s: both are announced in the log.
        await feed.Until(() => feed.Log.Contains("retrying in 00:00:02", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "a second, longer retry", cancellationToken);
        Assert.Contains("lacks CAP_NET_ADMIN", feed.Log, StringComparison.Ordinal);
        Assert.False(feed.Ended, feed.Log);
        Assert.Equal(0, feed.Map.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_network_namespace_makes_the_feed_degraded_with_the_reason()
    {
        TestEnvironment.RequireRoot("opens netlink sockets in network namespaces");
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new ConntrackFeedOptions { NetworkNamespace = $"agw{Guid.NewGuid().ToString("N")[..8]}-none" };
        await using var feed = new FeedHarness(options, ConntrackSocket.Open);
        await feed.StartOnlyAsync(cancellationToken);

        await feed.Until(() => feed.Component.State == HealthState.Degraded, TimeSpan.FromSeconds(10), "degraded health", cancellationToken);

        Assert.Contains("does not exist", feed.Component.Reason, StringComparison.Ordinal);
        Assert.Contains(options.NetworkNamespace, feed.Component.Reason, StringComparison.Ordinal);
        Assert.False(feed.Ended, feed.Log);
    }

    /// <summary>Runs <paramref name="action"/> on a thread of its own that first drops one capability (capset(2)).</summary>
    private static T WithoutCapability<T>(int capability, Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var header = new CapHeader { Version = LinuxCapabilityVersion3 };
                var data = new CapData[2];
                if (CapGet(ref header, data) != 0)
                {
                    throw new InvalidOperationException($"capget failed: errno {Marshal.GetLastPInvokeError()}");
                }

                data[capability / 32].Effective &= ~(1u << (capability % 32));
                data[capability / 32].Permitted &= ~(1u << (capability % 32));
                if (CapSet(ref header, data) != 0)
                {
                    throw new InvalidOperationException($"capset failed: errno {Marshal.GetLastPInvokeError()}");
                }

                result = action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    /// <summary><c>_LINUX_CAPABILITY_VERSION_3</c> (linux/capability.h): two data words of 32 capabilities.</summary>
    private const uint LinuxCapabilityVersion3 = 0x20080522;

    [StructLayout(LayoutKind.Sequential)]
    private struct CapHeader
    {
        public uint Version;
        public int Pid; // 0: the calling thread
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }

    [DllImport("libc", EntryPoint = "capget", SetLastError = true)]
    private static extern int CapGet(ref CapHeader header, [In, Out] CapData[] data);

    [DllImport("libc", EntryPoint = "capset", SetLastError = true)]
    private static extern int CapSet(ref CapHeader header, [In] CapData[] data);
}
