using System.Buffers.Binary;
using AltoGateway.Discovery.Dns;
using AltoGateway.Discovery.Responder;
using static AltoGateway.Discovery.Tests.Responder.ResponderFixture;

namespace AltoGateway.Discovery.Tests.Responder;

/// <summary>
/// Seeded property tests of the parser path: random, mutated and cut-off queries never throw, and each is either
/// dropped (only when too short or QR is set) or answered with a well-formed response that echoes the ID, has QR
/// set, stays within the UDP limit and allocates nothing.
/// </summary>
public class DnsAnswererPropertyTests
{
    private static readonly DnsAnswerer Answerer = ResponderFixture.Answerer();

    private static readonly byte[][] Valid =
    [
        Query("example.net.", DnsRecordType.Naptr),
        Query("5.100.51.198.in-addr.arpa.", DnsRecordType.Naptr, edns: new DnsOptData(1232, dnssecOk: true)),
        Query("0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.", DnsRecordType.Soa, recursionDesired: true),
        Query("nothing.example.net.", 1, edns: new DnsOptData(512)),
        Query("www.example.com.", 1, recursionDesired: true),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_dropped_or_answered_well_formed(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var wire = new byte[random.Next(0, 600)];
            random.NextBytes(wire);
            if (wire.Length > 12 && random.Next(2) == 0)
            {
                wire[2] &= 0x7F; // a query, so it gets past the QR check
                wire[4] = wire[6] = wire[8] = wire[10] = 0;
                wire[5] = (byte)random.Next(3);
                wire[11] = (byte)random.Next(2);
            }

            AssertDroppedOrWellFormed(wire, random.Next(2) == 0 ? DnsTransport.Udp : DnsTransport.Tcp);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutations_and_cuts_of_valid_queries_are_dropped_or_answered_well_formed(int seed)
    {
        var random = new Random(seed);
        foreach (var valid in Valid)
        {
            AssertDroppedOrWellFormed(valid, DnsTransport.Udp);
            for (var i = 0; i < 3000; i++)
            {
                var wire = (byte[])valid.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    wire[random.Next(wire.Length)] = (byte)random.Next(256);
                }

                AssertDroppedOrWellFormed(wire, DnsTransport.Udp);
            }

            for (var length = 0; length < valid.Length; length++)
            {
                AssertDroppedOrWellFormed(valid[..length], DnsTransport.Tcp);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Compression_loops_and_huge_counts_are_FORMERR(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1000; i++)
        {
            // A chain of pointers where some pointer leads to itself or forward.
            var wire = new byte[12 + (2 * random.Next(1, 20)) + 4];
            BinaryPrimitives.WriteUInt16BigEndian(wire.AsSpan(4), 1);
            for (var p = 12; p < wire.Length - 4; p += 2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(wire.AsSpan(p), (ushort)(0xC000 | random.Next(p, wire.Length)));
            }

            Assert.Equal(ResponseCode.FormErr, AssertDroppedOrWellFormed(wire, DnsTransport.Udp).Rcode);

            var huge = (byte[])Valid[0].Clone();
            BinaryPrimitives.WriteUInt16BigEndian(huge.AsSpan(4 + (2 * random.Next(4))), (ushort)random.Next(2, 65536));
            Assert.Equal(ResponseCode.FormErr, AssertDroppedOrWellFormed(huge, DnsTransport.Udp).Rcode);
        }
    }

    private static ResponderOutcome AssertDroppedOrWellFormed(byte[] query, DnsTransport transport)
    {
        var buffer = new byte[DnsMessageWriter.MaxMessageLength];
        Answerer.Answer(Valid[0], buffer, transport); // the first call's JIT work is no allocation of the answer
        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = Answerer.Answer(query, buffer, transport);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated answering {Convert.ToHexString(query)}");

        if (outcome.Dropped)
        {
            Assert.True(query.Length < 12 || (query[2] & 0x80) != 0, $"dropped a query: {Convert.ToHexString(query)}");
            return outcome;
        }

        var wire = buffer.AsSpan(0, outcome.Length);
        Assert.True(DnsMessageReader.TryRead(wire, out var response, out var error), $"{error} answering {Convert.ToHexString(query)}");
        Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(query), response.Header.Id);
        Assert.True(response.Header.Has(DnsHeaderBits.Response));
        Assert.Equal((int)outcome.Rcode, response.ResponseCode);
        Assert.True(transport == DnsTransport.Tcp || wire.Length <= 1232);
        return outcome;
    }
}
