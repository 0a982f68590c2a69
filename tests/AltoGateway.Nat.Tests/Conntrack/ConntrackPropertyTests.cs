using AltoGateway.Nat.Conntrack;
using AltoGateway.Tests.Shared;
using static AltoGateway.Nat.Tests.Conntrack.CtnetlinkBuilder;

namespace AltoGateway.Nat.Tests.Conntrack;

/// <summary>
/// Seeded property tests: whatever the bytes, the readers and the decoder return (never throw),
/// never report consuming more than they were given, and never move backwards.
/// </summary>
public sealed class ConntrackPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_never_throw_nor_overrun(int seed)
    {
        // Random bytes rarely look like a header; half of them get a plausible one.
        foreach (var bytes in SeededBytes.Random(seed, 5000, 400, (bytes, random) =>
        {
            if (bytes.Length >= 20 && random.Next(2) == 0)
            {
                var length = random.Next(16, bytes.Length + 1);
                BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), (uint)length);
                BitConverter.TryWriteBytes(bytes.AsSpan(4, 2), random.Next(2) == 0 ? NewType : DeleteType);
            }
        }))
        {
            ReadEverything(bytes);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Mutated_valid_messages_never_throw_nor_overrun(int seed)
    {
        var random = new Random(seed);
        var valid = KernelCaptureTests.All().Concat(
        [
            ConntrackMessage(NewType, CreateExclusive, ("10.77.0.2", 40001, "192.0.2.100", 7000), ("192.0.2.100", 7000, "198.51.100.11", 20206)),
            ConntrackMessage(DeleteType, 0, ("fd77::2", 1, "2001:db8::100", 2), ("2001:db8::100", 2, "2001:db8:1::10", 3), protocol: 17, timeout: null),
            Error(1, 0x101, 1),
        ]).ToList();
        var decoded = 0;
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])valid[random.Next(valid.Count)].Clone();
            switch (random.Next(4))
            {
                case 0: // flip a few bytes anywhere
                    for (var n = random.Next(1, 5); n > 0; n--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 1: // cut it short, keeping the header's length field
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 2: // break one length field: an nlattr's or the nlmsghdr's low byte
                    var at = random.Next(bytes.Length / 4) * 4;
                    bytes[at] = (byte)random.Next(256);
                    break;
                default: // set a random 16-bit word to a small or huge value
                    var word = random.Next(bytes.Length / 2) * 2;
                    BitConverter.TryWriteBytes(bytes.AsSpan(word, 2), (ushort)(random.Next(2) == 0 ? random.Next(8) : 0xFFFF - random.Next(8)));
                    break;
            }

            decoded += ReadEverything(bytes);
        }

        // Many mutations leave a message decodable (a changed port, address or unneeded attribute).
        Assert.InRange(decoded, 1, int.MaxValue);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Valid_messages_back_to_back_are_read_exactly(int seed)
    {
        var random = new Random(seed);
        var valid = KernelCaptureTests.All();
        for (var i = 0; i < 1000; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => valid[random.Next(valid.Count)]).ToArray();
            var datagram = Concat(parts);
            var reader = new NetlinkMessageReader(datagram);
            var count = 0;
            while (reader.TryRead(out _, out var error))
            {
                Assert.Equal(ConntrackParseError.None, error);
                count++;
            }

            Assert.Equal(datagram.Length, reader.Consumed);
            Assert.True(count >= parts.Length);
        }
    }

    /// <summary>Runs every reader over the bytes as the feed would; returns how many events decoded.</summary>
    private static int ReadEverything(byte[] bytes)
    {
        var decoded = 0;
        var reader = new NetlinkMessageReader(bytes);
        var before = 0;
        while (true)
        {
            var read = reader.TryRead(out var message, out var error);
            Assert.InRange(reader.Consumed, before, bytes.Length);
            if (!read)
            {
                Assert.Equal(before, reader.Consumed); // never moves on failure
                Assert.True(error != ConntrackParseError.None || reader.Consumed == bytes.Length);
                break;
            }

            Assert.True(reader.Consumed > before);
            before = reader.Consumed;
            Assert.InRange(message.Payload.Length, 0, bytes.Length - NetlinkMessageHeader.Size);

            if (message.Header.Type == NetlinkMessageTypes.Error)
            {
                NetlinkErrorMessage.TryRead(message.Payload, out _, out _);
            }

            if (ConntrackEventDecoder.TryDecode(message, out var conntrackEvent, out var decodeError))
            {
                Assert.Equal(ConntrackParseError.None, decodeError);
                Assert.NotNull(conntrackEvent.Original.Source);
                Assert.NotNull(conntrackEvent.Reply.Destination);
                conntrackEvent.TryGetSourceNatMapping(out _);
                decoded++;
            }
            else
            {
                Assert.NotEqual(ConntrackParseError.None, decodeError);
                Assert.Null(conntrackEvent);
            }

            if (message.Payload.Length >= NfGenMessage.Size)
            {
                ReadAttributes(message.Payload[NfGenMessage.Size..], depth: 0);
            }
        }

        return decoded;
    }

    private static void ReadAttributes(ReadOnlySpan<byte> attributes, int depth)
    {
        var reader = new NetlinkAttributeReader(attributes);
        var before = 0;
        while (reader.TryRead(out var attribute, out _))
        {
            Assert.InRange(reader.Consumed, before + NetlinkAttributeReader.HeaderSize, attributes.Length);
            before = reader.Consumed;
            if (depth < 3)
            {
                ReadAttributes(attribute.Value, depth + 1);
            }
        }

        Assert.Equal(before, reader.Consumed);
    }
}
