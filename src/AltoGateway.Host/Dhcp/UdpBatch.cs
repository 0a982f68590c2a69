using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// Reads and sends UDP datagrams many at a time on a blocking socket: recvmmsg(2) takes every datagram queued (up
/// to <see cref="Capacity"/>) with one system call, each with its source and its IP_PKTINFO / IPV6_PKTINFO (the
/// interface it arrived on and the address it was sent to); sendmmsg(2) sends the queued replies with one. The
/// kernel's work per datagram stays, but the system call, the socket lookup and .NET's per-call wrapping are paid
/// once per batch. The structures are Linux's LP64 ones, the same on x64 and arm64. Used by one thread (the
/// socket's <see cref="DhcpSocketLoop"/>); the memory is pinned for the batch's life.
/// </summary>
internal sealed class UdpBatch
{
    /// <summary>Datagrams per system call.</summary>
    public const int Capacity = 32;

    /// <summary>
    /// The largest datagram read or queued whole. DHCP messages are 300 to 600 octets (a relay adds option 82); a
    /// longer one is read truncated (<see cref="Truncated"/>) and a longer reply is sent on its own.
    /// </summary>
    public const int DatagramCapacity = 4096;

    // <sys/socket.h>, <netinet/in.h>, <linux/in6.h> on LP64 Linux.
    private const int MmsgHeaderSize = 64;       // struct mmsghdr: struct msghdr (56) + unsigned msg_len + padding
    private const int NameOffset = 0;            // msghdr.msg_name
    private const int NameLengthOffset = 8;      // msghdr.msg_namelen
    private const int IovOffset = 16;            // msghdr.msg_iov
    private const int IovLengthOffset = 24;      // msghdr.msg_iovlen
    private const int ControlOffset = 32;        // msghdr.msg_control
    private const int ControlLengthOffset = 40;  // msghdr.msg_controllen
    private const int FlagsOffset = 48;          // msghdr.msg_flags
    private const int MessageLengthOffset = 56;  // mmsghdr.msg_len
    private const int IovecSize = 16;            // struct iovec
    private const int NameSize = 32;             // room for struct sockaddr_in6 (28)
    private const int ControlSize = 64;          // room for one cmsghdr (16) + struct in6_pktinfo (20)
    private const int CmsgHeaderSize = 16;       // struct cmsghdr: size_t cmsg_len, int cmsg_level, int cmsg_type
    private const int MsgTruncated = 0x20;       // MSG_TRUNC in msg_flags
    private const int MsgWaitForOne = 0x10000;   // MSG_WAITFORONE
    private const int SolIp = 0;                 // SOL_IP
    private const int IpPacketInformation = 8;   // IP_PKTINFO
    private const int SolIpv6 = 41;              // IPPROTO_IPV6
    private const int Ipv6PacketInformation = 50; // IPV6_PKTINFO
    private const ushort AfInet = 2;
    private const ushort AfInet6 = 10;
    private const int EAgain = 11;
    private const int EIntr = 4;

    private readonly Block _receive = new(withControl: true);
    private readonly Block _send = new(withControl: false);
    private readonly IPEndPoint?[] _destinations = new IPEndPoint?[Capacity];
    private readonly string?[] _tags = new string?[Capacity];
    private int _received;

    /// <summary>The structures are LP64's: a 32-bit process would need others.</summary>
    public UdpBatch()
    {
        if (!Environment.Is64BitProcess)
        {
            throw new PlatformNotSupportedException("UdpBatch lays out Linux's 64-bit (LP64) structures");
        }
    }

    /// <summary>Datagrams queued by <see cref="TryQueue"/> and not yet sent.</summary>
    public int Queued { get; private set; }

    /// <summary>
    /// Waits for a datagram (up to the socket's receive timeout: then 0), then takes every datagram already queued,
    /// up to <see cref="Capacity"/>. Fewer than <see cref="Capacity"/>: the socket's queue is empty now.
    /// Throws <see cref="SocketException"/> for an error of the socket (an ICMP error of an earlier send, a vanished device).
    /// </summary>
    public int Receive(Socket socket)
    {
        for (var i = 0; i < Capacity; i++)
        {
            _receive.Prepare(i, DatagramCapacity);
        }

        var count = Native.RecvMmsg((int)socket.SafeHandle.DangerousGetHandle(), _receive.Headers, Capacity, MsgWaitForOne, IntPtr.Zero);
        if (count < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is EAgain or EIntr)
            {
                _received = 0;
                return 0;
            }

            throw new SocketException((int)SocketErrorOf(errno));
        }

        _received = count;
        return count;
    }

    /// <summary>The <paramref name="index"/>th datagram read (truncated to <see cref="DatagramCapacity"/>).</summary>
    public ReadOnlyMemory<byte> Datagram(int index)
    {
        Check(index);
        return _receive.Data.AsMemory(index * DatagramCapacity, Math.Min(_receive.ReadInt32(index, MessageLengthOffset), DatagramCapacity));
    }

    /// <summary>Whether the <paramref name="index"/>th datagram was longer than <see cref="DatagramCapacity"/>.</summary>
    public bool Truncated(int index)
    {
        Check(index);
        return (_receive.ReadInt32(index, FlagsOffset) & MsgTruncated) != 0;
    }

    /// <summary>Who sent the <paramref name="index"/>th datagram.</summary>
    public IPEndPoint Source(int index)
    {
        Check(index);
        return ReadSocketAddress(_receive.Names.AsSpan(index * NameSize, NameSize));
    }

    /// <summary>The interface the <paramref name="index"/>th datagram arrived on and the address it was sent to, from its PKTINFO (0 and null without one).</summary>
    public DhcpArrival Arrival(int index)
    {
        Check(index);
        var control = _receive.Control.AsSpan(index * ControlSize, (int)Math.Min(_receive.ReadInt64(index, ControlLengthOffset), ControlSize));
        while (control.Length >= CmsgHeaderSize)
        {
            var length = (int)BinaryPrimitives.ReadInt64LittleEndian(control);
            if (length < CmsgHeaderSize || length > control.Length)
            {
                break;
            }

            var (level, type) = (BinaryPrimitives.ReadInt32LittleEndian(control[8..]), BinaryPrimitives.ReadInt32LittleEndian(control[12..]));
            var data = control[CmsgHeaderSize..length];
            if (level == SolIp && type == IpPacketInformation && data.Length >= 12)
            {
                // struct in_pktinfo: int ipi_ifindex, struct in_addr ipi_spec_dst, struct in_addr ipi_addr (the header's destination).
                return new DhcpArrival(BinaryPrimitives.ReadInt32LittleEndian(data), new IPAddress(data.Slice(8, 4)));
            }

            if (level == SolIpv6 && type == Ipv6PacketInformation && data.Length >= 20)
            {
                // struct in6_pktinfo: struct in6_addr ipi6_addr, unsigned ipi6_ifindex.
                return new DhcpArrival(BinaryPrimitives.ReadInt32LittleEndian(data[16..]), new IPAddress(data[..16]));
            }

            control = control[Math.Min(control.Length, (length + 7) & ~7)..]; // CMSG_NXTHDR: the next header is 8-aligned
        }

        return new DhcpArrival(0, null);
    }

    /// <summary>
    /// Queues <paramref name="datagram"/> for <paramref name="destination"/>, with <paramref name="tag"/> handed back by
    /// <see cref="Send"/>; false when the batch is full or the datagram longer than <see cref="DatagramCapacity"/>.
    /// </summary>
    public bool TryQueue(ReadOnlySpan<byte> datagram, IPEndPoint destination, string? tag)
    {
        if (Queued == Capacity || datagram.Length > DatagramCapacity)
        {
            return false;
        }

        var index = Queued++;
        datagram.CopyTo(_send.Data.AsSpan(index * DatagramCapacity));
        var nameLength = WriteSocketAddress(destination, _send.Names.AsSpan(index * NameSize, NameSize));
        _send.Prepare(index, datagram.Length, nameLength);
        _destinations[index] = destination;
        _tags[index] = tag;
        return true;
    }

    /// <summary>
    /// Sends every queued datagram, one sendmmsg(2) for as many as the kernel takes; one it refuses is reported to
    /// <paramref name="completed"/> with its error and skipped. Every datagram is reported, in order.
    /// </summary>
    public void Send(Socket socket, Action<IPEndPoint, string?, SocketError> completed)
    {
        try
        {
            SendQueued((int)socket.SafeHandle.DangerousGetHandle(), completed);
        }
        finally
        {
            // Whatever happened (a callback that threw), nothing queued is sent twice.
            Array.Clear(_destinations, 0, Queued);
            Array.Clear(_tags, 0, Queued);
            Queued = 0;
        }
    }

    private void SendQueued(int descriptor, Action<IPEndPoint, string?, SocketError> completed)
    {
        var next = 0;
        while (next < Queued)
        {
            var sent = Native.SendMmsg(descriptor, _send.Headers + (next * MmsgHeaderSize), (uint)(Queued - next), 0);
            if (sent <= 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                completed(_destinations[next]!, _tags[next], SocketErrorOf(errno)); // the first one was refused: skip it
                sent = 1;
            }
            else
            {
                for (var i = next; i < next + sent; i++)
                {
                    completed(_destinations[i]!, _tags[i], SocketError.Success);
                }
            }

            next += sent;
        }
    }

    private void Check(int index) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_received, nameof(index));

    /// <summary>A struct sockaddr_in or sockaddr_in6 as the kernel wrote it.</summary>
    internal static IPEndPoint ReadSocketAddress(ReadOnlySpan<byte> name)
    {
        var port = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        return BinaryPrimitives.ReadUInt16LittleEndian(name) == AfInet6
            ? new IPEndPoint(new IPAddress(name.Slice(8, 16), BinaryPrimitives.ReadUInt32LittleEndian(name[24..])), port)
            : new IPEndPoint(new IPAddress(name.Slice(4, 4)), port);
    }

    /// <summary>Writes <paramref name="endpoint"/> as a struct sockaddr_in or sockaddr_in6; returns its length.</summary>
    internal static int WriteSocketAddress(IPEndPoint endpoint, Span<byte> name)
    {
        name.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(name[2..], (ushort)endpoint.Port);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(name, AfInet6);
            endpoint.Address.TryWriteBytes(name.Slice(8, 16), out _);
            BinaryPrimitives.WriteUInt32LittleEndian(name[24..], (uint)endpoint.Address.ScopeId);
            return 28;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(name, AfInet);
        endpoint.Address.TryWriteBytes(name.Slice(4, 4), out _);
        return 16;
    }

    private static SocketError SocketErrorOf(int errno) => errno switch
    {
        1 or 13 => SocketError.AccessDenied,     // EPERM, EACCES
        19 or 100 => SocketError.NetworkDown,    // ENODEV, ENETDOWN
        22 => SocketError.InvalidArgument,       // EINVAL
        90 => SocketError.MessageSize,           // EMSGSIZE
        101 => SocketError.NetworkUnreachable,   // ENETUNREACH
        105 => SocketError.NoBufferSpaceAvailable, // ENOBUFS
        111 => SocketError.ConnectionRefused,    // ECONNREFUSED (an ICMP port unreachable)
        113 => SocketError.HostUnreachable,      // EHOSTUNREACH
        _ => SocketError.SocketError,
    };

    /// <summary>The pinned memory of one direction: the mmsghdr array and, per message, its iovec, address, control and data.</summary>
    private sealed class Block
    {
        private readonly byte[] _headers = GC.AllocateArray<byte>(Capacity * MmsgHeaderSize, pinned: true);
        private readonly byte[] _iovecs = GC.AllocateArray<byte>(Capacity * IovecSize, pinned: true);
        private readonly bool _withControl;

        public Block(bool withControl)
        {
            _withControl = withControl;
            Control = GC.AllocateArray<byte>(withControl ? Capacity * ControlSize : 0, pinned: true);
        }

        public byte[] Data { get; } = GC.AllocateArray<byte>(Capacity * DatagramCapacity, pinned: true);

        public byte[] Names { get; } = GC.AllocateArray<byte>(Capacity * NameSize, pinned: true);

        public byte[] Control { get; }

        public IntPtr Headers => Address(_headers, 0);

        /// <summary>Points message <paramref name="index"/> at its buffers: <paramref name="dataLength"/> octets of data, an address of <paramref name="nameLength"/>.</summary>
        public void Prepare(int index, int dataLength, int nameLength = NameSize)
        {
            var iovec = _iovecs.AsSpan(index * IovecSize, IovecSize);
            BinaryPrimitives.WriteInt64LittleEndian(iovec, Address(Data, index * DatagramCapacity));
            BinaryPrimitives.WriteInt64LittleEndian(iovec[8..], dataLength);
            var header = _headers.AsSpan(index * MmsgHeaderSize, MmsgHeaderSize);
            header.Clear();
            BinaryPrimitives.WriteInt64LittleEndian(header[NameOffset..], Address(Names, index * NameSize));
            BinaryPrimitives.WriteInt32LittleEndian(header[NameLengthOffset..], nameLength);
            BinaryPrimitives.WriteInt64LittleEndian(header[IovOffset..], Address(_iovecs, index * IovecSize));
            BinaryPrimitives.WriteInt64LittleEndian(header[IovLengthOffset..], 1);
            if (_withControl)
            {
                BinaryPrimitives.WriteInt64LittleEndian(header[ControlOffset..], Address(Control, index * ControlSize));
                BinaryPrimitives.WriteInt64LittleEndian(header[ControlLengthOffset..], ControlSize);
            }
        }

        public int ReadInt32(int index, int offset) => BinaryPrimitives.ReadInt32LittleEndian(_headers.AsSpan((index * MmsgHeaderSize) + offset));

        public long ReadInt64(int index, int offset) => BinaryPrimitives.ReadInt64LittleEndian(_headers.AsSpan((index * MmsgHeaderSize) + offset));

        private static nint Address(byte[] pinned, int offset) => Marshal.UnsafeAddrOfPinnedArrayElement(pinned, offset);
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
        public static extern int RecvMmsg(int descriptor, IntPtr messages, uint count, int flags, IntPtr timeout);

        [DllImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
        public static extern int SendMmsg(int descriptor, IntPtr messages, uint count, int flags);
    }
}

/// <summary>Where a datagram arrived: the interface's index and the address it was sent to (0 and null when unknown).</summary>
internal readonly record struct DhcpArrival(int InterfaceIndex, IPAddress? Address);
