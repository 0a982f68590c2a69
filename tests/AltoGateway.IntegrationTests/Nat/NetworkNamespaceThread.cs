using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AltoGateway.IntegrationTests.Nat;

/// <summary>
/// Runs code inside a network namespace made by <c>ip netns add</c>: on a thread of its own that
/// calls setns(2) first (setns changes the calling thread only, and for good, so the thread ends
/// afterwards). Sockets created there stay in that namespace and can be used from any thread, which
/// is how the tests talk from the subscriber and outside namespaces without helper processes.
/// </summary>
internal static class NetworkNamespaceThread
{
    private const int CloneNewnet = 0x40000000;

    public static Task<T> RunAsync<T>(string name, Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using (var ns = File.OpenHandle(Path.Combine("/run/netns", name)))
                {
                    if (SetNs(ns, CloneNewnet) != 0)
                    {
                        throw new InvalidOperationException($"setns into {name} failed: errno {Marshal.GetLastPInvokeError()}");
                    }
                }

                done.SetResult(action());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {name}",
        };
        thread.Start();
        return done.Task;
    }

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(SafeFileHandle descriptor, int namespaceType);
}
