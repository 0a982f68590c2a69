using System.ComponentModel;
using System.Runtime.InteropServices;

namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// fsync(2) of a directory, so that a rename in it survives a power cut: .NET cannot open a
/// directory as a file, so this calls libc. O_RDONLY (0) is the same on every Linux architecture.
/// </summary>
internal static class DirectorySync
{
    public static void Flush(string directory)
    {
        var descriptor = Libc.Open(directory, 0);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open {directory} to sync it", new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (Libc.FSync(descriptor) != 0)
            {
                throw new IOException($"cannot sync {directory}", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = Libc.Close(descriptor);
        }
    }

    private static class Libc
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int FSync(int descriptor);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int descriptor);
    }
}
