using System.Buffers;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Naptr;
using AltoGateway.Tests.Shared;

namespace AltoGateway.Discovery.Tests.Dns;

/// <summary>
/// Seeded property tests: random bytes, mutated and cut-off valid messages never throw, give either a message
/// or an error, and allocate in proportion to the message, not to what its counts claim.
/// </summary>
public class DnsMessageReaderPropertyTests
{
    // Generous: a name can be 255 octets of pointers' worth of text per 11-octet record, escaped up to 4 chars per octet.
    private const long AllocationPerOctet = 512;
    private const long AllocationBase = 64 * 1024;

    private static readonly byte[][] Valid =
    [
        DnsWireVectors.Rfc7286NaptrResponse,
        DnsWireVectors.CompressedAuthorityResponse,
        DnsWireVectors.QueryWithDnssecOk,
        DnsWireVectors.ResponseWithOptOption,
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_never_throw(int seed)
    {
        foreach (var wire in SeededBytes.Random(seed, 5000, 600, (wire, random) =>
        {
            if (wire.Length > 12 && random.Next(2) == 0)
            {
                wire[4] = wire[6] = wire[8] = wire[10] = 0; // small counts, so the sections get parsed
            }
        }))
        {
            AssertReadsOrFails(wire);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Single_byte_mutations_and_cuts_of_valid_messages_never_throw(int seed)
    {
        var random = new Random(seed);
        foreach (var valid in Valid)
        {
            for (var i = 0; i < 2000; i++)
            {
                var wire = (byte[])valid.Clone();
                wire[random.Next(wire.Length)] = (byte)random.Next(256);
                AssertReadsOrFails(wire);
            }

            for (var length = 0; length < valid.Length; length++)
            {
                Assert.False(DnsMessageReader.TryRead(valid.AsSpan(0, length), out _, out var error));
                Assert.NotEqual(DnsReadError.None, error);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_messages_round_trip_through_writer_and_reader(int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[DnsMessageWriter.MaxMessageLength];
        for (var i = 0; i < 300; i++)
        {
            var message = RandomMessage(random);
            Assert.Equal(OperationStatus.Done, DnsMessageWriter.TryWrite(message, buffer, buffer.Length, out var written));

            Assert.True(DnsMessageReader.TryRead(buffer.AsSpan(0, written), out var read, out var error), error.ToString());
            Assert.Equal(OperationStatus.Done, DnsMessageWriter.TryWrite(read, buffer.AsSpan(written), buffer.Length - written, out var again));
            Assert.True(buffer.AsSpan(0, written).SequenceEqual(buffer.AsSpan(written, again)));
            Assert.Equal(message.Questions, read.Questions);
            Assert.Equal(message.Answers, read.Answers);
        }
    }

    private static void AssertReadsOrFails(byte[] wire)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = DnsMessageReader.TryRead(wire, out var message, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ok, error == DnsReadError.None);
        Assert.Equal(ok, message is not null);
        Assert.True(allocated <= AllocationBase + (AllocationPerOctet * wire.Length), $"{allocated} bytes for a {wire.Length}-octet message");
    }

    private static DnsMessage RandomMessage(Random random)
    {
        var header = new DnsHeader(
            (ushort)random.Next(65536), (DnsHeaderBits)(random.Next(65536) & 0x87B0), (byte)random.Next(16), (byte)random.Next(16));
        var answers = Enumerable.Range(0, random.Next(4)).Select(_ => RandomRecord(random)).ToList();
        return new DnsMessage(header, [new DnsQuestion(RandomName(random), (ushort)random.Next(65536))], answers, [], []);
    }

    private static DnsRecord RandomRecord(Random random)
    {
        DnsRecordData data = random.Next(4) switch
        {
            0 => new DnsNsData(RandomName(random)),
            1 => new DnsSoaData(RandomName(random), RandomName(random), (uint)random.Next(), 7200, 3600, 1209600, 300),
            2 => new DnsNaptrData(new NaptrRecord(
                (ushort)random.Next(65536), (ushort)random.Next(65536), RandomText(random), RandomText(random), RandomText(random), RandomName(random))),
            _ => new DnsRawData(RandomBytes(random, random.Next(20))),
        };
        var type = data switch
        {
            DnsNsData => DnsRecordType.Ns,
            DnsSoaData => DnsRecordType.Soa,
            DnsNaptrData => DnsRecordType.Naptr,
            _ => (ushort)1,
        };
        return new DnsRecord(RandomName(random), type, DnsRecordType.InternetClass, (uint)random.Next(), data);
    }

    // Names built from a few labels so that compression has suffixes to share; any octet is allowed in a label.
    private static string RandomName(Random random)
    {
        string[] labels = ["example", "net", "alto", "_tcp", "a.b", "x\\y", "\u0001"];
        var count = random.Next(4);
        if (count == 0)
        {
            return ".";
        }

        var escaped = Enumerable.Range(0, count).Select(_ => labels[random.Next(labels.Length)])
            .Select(l => l.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(".", "\\.", StringComparison.Ordinal).Replace("\u0001", "\\001", StringComparison.Ordinal));
        return string.Join('.', escaped) + ".";
    }

    private static string RandomText(Random random) =>
        new([.. RandomBytes(random, random.Next(40)).Select(b => (char)b)]);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
