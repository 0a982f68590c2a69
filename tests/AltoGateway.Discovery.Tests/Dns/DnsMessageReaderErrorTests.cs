using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Tests.Dns;

/// <summary>Every malformed case yields its exact <see cref="DnsReadError"/>, and no exception.</summary>
public class DnsMessageReaderErrorTests
{
    private const string OneQuestion = "0001 0000 0001 0000 0000 0000";
    private const string OneAnswer = "0001 8000 0000 0001 0000 0000";
    private const string QuestionAndAnswer = "0001 8000 0001 0001 0000 0000";
    private const string ExampleNet = "07 6578616d706c65 03 6e6574 00";

    [Theory]
    [InlineData("0001 0000 0000 0000 0000 00", DnsReadError.Truncated)] // 11-octet header
    [InlineData(OneQuestion + "07 6578616d706c65 03 6e65", DnsReadError.Truncated)] // name cut in a label
    [InlineData(OneQuestion + ExampleNet + "0023 00", DnsReadError.Truncated)] // CLASS cut
    [InlineData(OneAnswer + "00 0001 0001 0000003c 0004 c00002", DnsReadError.Truncated)] // RDATA shorter than RDLENGTH
    [InlineData(OneQuestion + "41 00 0001 0001", DnsReadError.BadLabel)] // 01 prefix, RFC 6891 §5
    [InlineData(OneQuestion + "81 00 0001 0001", DnsReadError.BadLabel)] // 10 prefix
    [InlineData(OneQuestion + "c00c 0001 0001", DnsReadError.PointerLoop)] // pointer to itself
    [InlineData(OneQuestion + "01 61 c00c 0001 0001", DnsReadError.PointerLoop)] // back into the same name
    [InlineData(OneQuestion + "c00e 00 0001 0001", DnsReadError.PointerForward)]
    [InlineData(OneQuestion + "c3ff 0001 0001", DnsReadError.PointerOutOfRange)]
    [InlineData("ffff 0000 ffff ffff ffff ffff" + ExampleNet + "0001 0001", DnsReadError.CountTooLarge)]
    [InlineData("0001 0000 0000 0002 0000 0000" + "00 0001 0001 0000003c 0000", DnsReadError.CountTooLarge)] // two records, room for one
    [InlineData(OneQuestion + ExampleNet + "0001 0001 00", DnsReadError.TrailingBytes)]
    [InlineData(OneAnswer + "00 0029 1000 00000000 0000", DnsReadError.BadOptRecord)] // OPT in the answer section
    [InlineData("0001 0000 0000 0000 0000 0001" + "01 61 00 0029 1000 00000000 0000", DnsReadError.BadOptRecord)] // not the root
    [InlineData("0001 0000 0000 0000 0000 0002" + "00 0029 1000 00000000 0000 00 0029 1000 00000000 0000", DnsReadError.BadOptRecord)] // two OPTs
    public void Malformed_message_fails_with_its_error(string hex, DnsReadError expected) => AssertFails(DnsWireVectors.Hex(hex), expected);

    [Theory]
    // NAPTR: RDLENGTH one octet too long, one too short, and a string running past RDATA.
    [InlineData(QuestionAndAnswer + ExampleNet + "0023 0001" + "c00c 0023 0001 00000e10 000a" + "0064 000a 01 75 00 00 00 00", DnsReadError.RdataLengthMismatch)]
    [InlineData(QuestionAndAnswer + ExampleNet + "0023 0001" + "c00c 0023 0001 00000e10 0008" + "0064 000a 01 75 00 00 00", DnsReadError.RdataLengthMismatch)]
    [InlineData(QuestionAndAnswer + ExampleNet + "0023 0001" + "c00c 0023 0001 00000e10 0006" + "0064 000a 05 75", DnsReadError.RdataLengthMismatch)]
    // RFC 3403 §4.1: the replacement "MUST NOT be compressed".
    [InlineData(QuestionAndAnswer + ExampleNet + "0023 0001" + "c00c 0023 0001 00000e10 0009" + "0064 000a 00 00 00 c00c", DnsReadError.CompressionNotAllowed)]
    // NS whose name runs past RDLENGTH, SOA without its five counters, OPT option longer than the RDATA.
    [InlineData(OneAnswer + "00 0002 0001 0000003c 0002 0161 00", DnsReadError.RdataLengthMismatch)]
    [InlineData(OneAnswer + "00 0006 0001 0000003c 0006 00 00 00000001", DnsReadError.RdataLengthMismatch)]
    [InlineData("0001 0000 0000 0000 0000 0001" + "00 0029 1000 00000000 0006 000a 0004 abcd", DnsReadError.RdataLengthMismatch)]
    [InlineData("0001 0000 0000 0000 0000 0001" + "00 0029 1000 00000000 0003 000a 00", DnsReadError.RdataLengthMismatch)]
    public void Rdata_must_consume_exactly_RDLENGTH(string hex, DnsReadError expected) => AssertFails(DnsWireVectors.Hex(hex), expected);

    [Fact]
    public void Name_of_257_octets_is_too_long_and_255_is_not()
    {
        // Four labels of 63 octets (257 with the length octets and the root) versus three of 63 and one of 61 (255).
        var label63 = "3f" + new string('6', 126);
        var label61 = "3d" + new string('6', 122);
        AssertFails(DnsWireVectors.Hex(OneQuestion + label63 + label63 + label63 + label63 + "00 0001 0001"), DnsReadError.NameTooLong);
        Assert.True(DnsMessageReader.TryRead(DnsWireVectors.Hex(OneQuestion + label63 + label63 + label63 + label61 + "00 0001 0001"), out _, out _));
    }

    [Fact]
    public void Name_too_long_through_pointers_is_caught()
    {
        // A 128-octet name, then a name of two 63-octet labels pointing at it: 128 + 128 > 255.
        var label63 = "3f" + new string('6', 126);
        var wire = DnsWireVectors.Hex(
            "0001 0000 0002 0000 0000 0000" + label63 + label63 + "00 0001 0001" + label63 + label63 + "c00c 0001 0001");
        AssertFails(wire, DnsReadError.NameTooLong);
    }

    [Fact]
    public void Lying_counts_allocate_nothing_in_proportion_to_the_claim()
    {
        var wire = DnsWireVectors.Hex("0001 8000 0000 ffff 0000 0000" + new string('0', 200));
        AssertFails(wire, DnsReadError.CountTooLarge); // warms up

        var before = GC.GetAllocatedBytesForCurrentThread();
        DnsMessageReader.TryRead(wire, out _, out _);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024);
    }

    [Fact]
    public void Read_throws_FormatException_for_bad_data() =>
        Assert.Throws<FormatException>(() => DnsMessageReader.Read([0, 1, 2]));

    private static void AssertFails(byte[] wire, DnsReadError expected)
    {
        Assert.False(DnsMessageReader.TryRead(wire, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(expected, error);
    }
}
