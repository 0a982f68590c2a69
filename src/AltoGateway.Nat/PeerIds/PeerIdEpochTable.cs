using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// One epoch's key Ke = HMAC-SHA256(K, "altogw peer-id epoch" || epoch as 4 bytes big-endian) and the
/// tags issued in it: tag = the first 15 bytes of HMAC-SHA256(Ke, subscriber's 16 address bytes).
/// The dictionaries are read and written under the issuer's lock; the key never changes.
/// </summary>
internal sealed class PeerIdEpochTable
{
    private readonly byte[] _epochKey = new byte[32];

    public PeerIdEpochTable(uint epoch, PeerIdKey masterKey)
    {
        Epoch = epoch;
        var label = "altogw peer-id epoch"u8;
        Span<byte> input = stackalloc byte[label.Length + 4];
        label.CopyTo(input);
        BinaryPrimitives.WriteUInt32BigEndian(input[label.Length..], epoch);
        HMACSHA256.HashData(masterKey.Bytes, input, _epochKey);
    }

    public uint Epoch { get; }

    /// <summary>Tag → subscriber address bits (<see cref="SubscriberAddressBits"/>).</summary>
    public Dictionary<UInt128, UInt128> Subscribers { get; } = [];

    /// <summary>Subscriber address bits → the ID issued in this epoch: issuing again is a look-up (the DHCP server asks at every OFFER and ACK).</summary>
    public Dictionary<UInt128, IssuedPeerId> Issued { get; } = [];

    public UInt128 TagOf(UInt128 subscriber)
    {
        Span<byte> address = stackalloc byte[16];
        SubscriberAddressBits.Write(subscriber, address);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_epochKey, address, mac);

        // 120 bits: the first 15 bytes, below a zero top byte.
        Span<byte> tag = stackalloc byte[16];
        tag[0] = 0;
        mac[..PeerIdCodec.TagLength].CopyTo(tag[1..]);
        return BinaryPrimitives.ReadUInt128BigEndian(tag);
    }
}
