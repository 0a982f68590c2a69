using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using AltoGateway.Nat.Conntrack;
using Microsoft.Win32.SafeHandles;

namespace AltoGateway.Host.Nat;

/// <summary>
/// A ctnetlink socket (AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER) joined to the conntrack event groups:
/// the only code of the conntrack feed that touches the kernel. .NET's <see cref="Socket"/> cannot
/// create AF_NETLINK sockets, so socket(2), setsockopt(2), bind(2) and setns(2) are called through
/// libc (blittable signatures: no unsafe code, no runtime marshalling, NativeAOT-safe), and the
/// descriptor is then handed to a <see cref="Socket"/> for sends and asynchronous receives.
/// </summary>
internal sealed partial class ConntrackSocket : IDisposable
{
    /// <summary>
    /// Room for any datagram the kernel sends: event messages are a few hundred bytes, and a dump
    /// sends at most 32 KiB per datagram (net/netlink/af_netlink.c caps <c>max_recvmsg_len</c>).
    /// </summary>
    public const int DatagramBufferSize = 64 * 1024;

    // linux/socket.h, linux/netlink.h, asm-generic/socket.h, linux/sched.h (the same on x64 and arm64).
    private const int AfNetlink = 16;
    private const int SockRaw = 3;
    private const int SockCloexec = 0x80000;
    private const int NetlinkNetfilter = 12;
    private const int SolSocket = 1;
    private const int SoRcvbuf = 8;
    private const int SoRcvbufforce = 33;
    private const int SolNetlink = 270;
    private const int NetlinkAddMembership = 1;
    private const int CloneNewnet = 0x40000000;
    private const int SockaddrNlSize = 12;

    private readonly Socket _socket;
    private readonly byte[] _request = new byte[ConntrackDumpRequest.Size];

    private ConntrackSocket(Socket socket)
    {
        _socket = socket;
        ReceiveBufferBytes = socket.ReceiveBufferSize;
    }

    /// <summary>The receive buffer the kernel granted (it reports twice what was asked: its bookkeeping share).</summary>
    public int ReceiveBufferBytes { get; }

    /// <summary>
    /// Opens the socket in the agent's network namespace, or in <see cref="ConntrackFeedOptions.NetworkNamespace"/>,
    /// sets its receive buffer and joins NFNLGRP_CONNTRACK_NEW, _UPDATE and _DESTROY.
    /// </summary>
    /// <exception cref="ConntrackSocketException">A system call failed (EPERM without CAP_NET_ADMIN, EPROTONOSUPPORT without nfnetlink, …).</exception>
    public static ConntrackSocket Open(ConntrackFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.NetworkNamespacePath;
        return path is null ? OpenHere(options.ReceiveBufferBytes) : OpenInNamespace(path, options.ReceiveBufferBytes);
    }

    /// <summary>Asks for a dump of the whole table (every family); answers arrive with <paramref name="sequence"/>.</summary>
    public void SendDumpRequest(uint sequence)
    {
        ConntrackDumpRequest.TryWrite(_request, sequence, ConntrackAddressFamily.Unspecified, out _);

        // Unconnected and without an address: netlink sends to the kernel (port id 0).
        _socket.Send(_request);
    }

    /// <summary>
    /// Receives a datagram already queued, without waiting: false when the queue is empty. Reading
    /// the queue empty is what clears the kernel's congestion mark of the socket (NETLINK_S_CONGESTED,
    /// net/netlink/af_netlink.c): while it is set, further dropped events are not reported again.
    /// </summary>
    public bool TryReceiveQueued(Span<byte> buffer, out Received received)
    {
        var length = _socket.Receive(buffer, SocketFlags.None, out var error);
        received = error switch
        {
            SocketError.Success => new Received(length, EventsLost: false),
            SocketError.NoBufferSpaceAvailable => new Received(0, EventsLost: true),
            SocketError.WouldBlock => default,
            _ => throw new SocketException((int)error),
        };
        return error != SocketError.WouldBlock;
    }

    /// <summary>
    /// Receives one datagram. ENOBUFS is not an error of the socket but the kernel saying it dropped
    /// events because the receive buffer was full: it comes back as <see cref="Received.EventsLost"/>.
    /// </summary>
    public async ValueTask<Received> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return new Received(await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false), EventsLost: false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
        {
            return new Received(0, EventsLost: true);
        }
    }

    public void Dispose() => _socket.Dispose();

    private static ConntrackSocket OpenHere(int receiveBufferBytes)
    {
        var descriptor = Libc.Socket(AfNetlink, SockRaw | SockCloexec, NetlinkNetfilter);
        if (descriptor < 0)
        {
            throw new ConntrackSocketException("socket(AF_NETLINK, NETLINK_NETFILTER)", Marshal.GetLastPInvokeError());
        }

        var handle = new SafeSocketHandle(descriptor, ownsHandle: true);
        try
        {
            // SO_RCVBUFFORCE may exceed net.core.rmem_max; it needs CAP_NET_ADMIN, as the groups do.
            if (SetOption(descriptor, SolSocket, SoRcvbufforce, receiveBufferBytes) != 0
                && SetOption(descriptor, SolSocket, SoRcvbuf, receiveBufferBytes) != 0)
            {
                throw new ConntrackSocketException("setsockopt(SO_RCVBUF)", Marshal.GetLastPInvokeError());
            }

            // Port id 0: the kernel assigns one. Multicast delivery skips unbound sockets.
            var address = new SockaddrNl { Family = AfNetlink };
            if (Libc.Bind(descriptor, ref address, SockaddrNlSize) != 0)
            {
                throw new ConntrackSocketException("bind(AF_NETLINK)", Marshal.GetLastPInvokeError());
            }

            foreach (var group in (ReadOnlySpan<int>)[CtnetlinkGroups.New, CtnetlinkGroups.Update, CtnetlinkGroups.Destroy])
            {
                if (SetOption(descriptor, SolNetlink, NetlinkAddMembership, group) != 0)
                {
                    throw new ConntrackSocketException("setsockopt(NETLINK_ADD_MEMBERSHIP)", Marshal.GetLastPInvokeError());
                }
            }

            // Non-blocking synchronous receives (TryReceiveQueued); asynchronous ones still wait.
            return new ConntrackSocket(new Socket(handle) { Blocking = false });
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// setns(2) moves the calling thread into the namespace for good, so a thread of its own enters
    /// it, creates the socket and ends; a socket stays in the namespace it was created in.
    /// </summary>
    private static ConntrackSocket OpenInNamespace(string path, int receiveBufferBytes)
    {
        ConntrackSocket? opened = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var ns = OpenNamespaceFile(path);
                if (Libc.SetNs(ns, CloneNewnet) != 0)
                {
                    throw new ConntrackSocketException($"setns({path})", Marshal.GetLastPInvokeError());
                }

                opened = OpenHere(receiveBufferBytes);
            }
            catch (Exception ex)
            {
                // Not swallowed: rethrown on the caller's thread below (an exception escaping a
                // thread would end the process).
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        })
        {
            IsBackground = true,
            Name = "conntrack-setns",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return opened!;
    }

    private static SafeFileHandle OpenNamespaceFile(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConntrackSocketException($"open({path})", ConntrackSocketException.ENOENT);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new ConntrackSocketException($"open({path})", ConntrackSocketException.EACCES);
        }
    }

    private static int SetOption(int descriptor, int level, int name, int value) =>
        Libc.SetSockOpt(descriptor, level, name, ref value, sizeof(int));

    /// <summary>One receive: the datagram's length, or that the kernel dropped events (ENOBUFS).</summary>
    public readonly record struct Received(int Length, bool EventsLost);

    /// <summary><c>struct sockaddr_nl</c> (linux/netlink.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SockaddrNl
    {
        public ushort Family;
        public ushort Pad;
        public uint PortId;
        public uint Groups;
    }

    private static class Libc
    {
        [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
        public static extern int Socket(int domain, int type, int protocol);

        [DllImport("libc", EntryPoint = "bind", SetLastError = true)]
        public static extern int Bind(int descriptor, ref SockaddrNl address, int length);

        [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
        public static extern int SetSockOpt(int descriptor, int level, int name, ref int value, int length);

        [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
        public static extern int SetNs(SafeFileHandle descriptor, int namespaceType);
    }
}

/// <summary>A system call of the conntrack socket failed; <see cref="Errno"/> says why.</summary>
internal sealed class ConntrackSocketException : Exception
{
    // asm-generic/errno-base.h and asm-generic/errno.h (x64 and arm64 share them).
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int EINVAL = 22;
    public const int EPROTONOSUPPORT = 93;
    public const int EOPNOTSUPP = 95;
    public const int EAFNOSUPPORT = 97;

    public ConntrackSocketException(string operation, int errno)
        : base($"{operation} failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})")
    {
        Operation = operation;
        Errno = errno;
    }

    public ConntrackSocketException()
        : this("netlink", 0)
    {
    }

    public ConntrackSocketException(string message)
        : base(message)
    {
        Operation = "netlink";
    }

    public ConntrackSocketException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "netlink";
    }

    public string Operation { get; }

    public int Errno { get; }

    /// <summary>What an operator should read in the log and in the health reason.</summary>
    public string Reason => Errno switch
    {
        EPERM or EACCES when Operation.StartsWith("setns", StringComparison.Ordinal) =>
            $"entering the network namespace needs CAP_SYS_ADMIN ({Message})",
        EPERM or EACCES when Operation.StartsWith("open", StringComparison.Ordinal) =>
            $"the network namespace file cannot be opened ({Message})",
        EPERM or EACCES => $"the agent lacks CAP_NET_ADMIN, which reading conntrack over netlink needs ({Message})",
        ENOENT when Operation.StartsWith("open", StringComparison.Ordinal) => $"the network namespace does not exist ({Message})",
        EPROTONOSUPPORT or EAFNOSUPPORT => $"the kernel has no netfilter netlink (nfnetlink) ({Message})",
        EOPNOTSUPP or ENOENT or EINVAL => $"the kernel has no conntrack netlink (nf_conntrack_netlink) ({Message})",
        _ => Message,
    };
}
