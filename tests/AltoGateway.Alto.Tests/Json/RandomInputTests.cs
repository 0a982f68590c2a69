using System.Text;
using AltoGateway.Alto.Addressing;
using AltoGateway.Alto.Costs;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;
using AltoGateway.Alto.Tests.Vectors;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>Seeded property tests: no input, however broken, throws out of a TryParse or TryRead path.</summary>
public class RandomInputTests
{
    private const string Alphabet = "{}[]\":,.0123456789abcdefipv46:/ -eEltgq\\\u00e9\ud83d\ude00\u0000\n";

    private static readonly string[] Vectors =
    [
        Rfc7285Examples.Directory, Rfc7285Examples.NetworkMap, Rfc7285Examples.CostMap,
        Rfc7285Examples.FilteredNetworkMapRequest, Rfc7285Examples.FilteredNetworkMapResponse,
        Rfc7285Examples.FilteredCostMapRequest, Rfc7285Examples.FilteredCostMapResponse, Rfc7285Examples.EndpointPropertyRequest,
        Rfc7285Examples.EndpointPropertyResponse, Rfc7285Examples.EndpointCostRequest, Rfc7285Examples.EndpointCostResponse,
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_strings_never_throw_out_of_the_parsers(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random, random.Next(0, 48));
            foreach (var candidate in new[] { text, "ipv4:" + text, "ipv6:" + text })
            {
                // Success and the error agree, and what parsed prints to text that parses to the same address.
                var ok = TypedEndpointAddress.TryParse(candidate, out var address, out var error);
                Assert.Equal(ok, error == EndpointAddressError.None);
                Assert.True(!ok || TypedEndpointAddress.Parse(address.ToString()) == address);
            }

            foreach (var type in new[] { EndpointAddressType.Ipv4, EndpointAddressType.Ipv6 })
            {
                var ok = AddressPrefix.TryParse(type, text, out var prefix, out var error);
                Assert.Equal(ok, error == EndpointAddressError.None);
                Assert.True(!ok || AddressPrefix.Parse(type, prefix.ToString()) == prefix);
            }

            foreach (var candidate in new[] { text, "le " + text })
            {
                var ok = CostConstraint.TryParse(candidate, out _, out var error);
                Assert.Equal(ok, error == ConstraintError.None);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Mutated_messages_never_throw_out_of_the_readers_and_fail_with_one_error(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var bytes = Mutate(random, Encoding.UTF8.GetBytes(Vectors[random.Next(Vectors.Length)]));
            ReadAll(bytes);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Random_text_never_throws_out_of_the_readers(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            ReadAll(Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 200))));
        }
    }

    private static void ReadAll(byte[] bytes)
    {
        Check(AltoJsonReader.TryReadDirectory(bytes, out var a, out var e), a, e);
        Check(AltoJsonReader.TryReadNetworkMap(bytes, out var b, out e), b, e);
        Check(AltoJsonReader.TryReadCostMap(bytes, out var c, out e), c, e);
        Check(AltoJsonReader.TryReadFilteredCostMapRequest(bytes, out var d, out e), d, e);
        Check(AltoJsonReader.TryReadEndpointCostRequest(bytes, out var f, out e), f, e);
        Check(AltoJsonReader.TryReadEndpointCostResponse(bytes, out var g, out e), g, e);
        Check(AltoJsonReader.TryReadEndpointPropertyRequest(bytes, out var h, out e), h, e);
        Check(AltoJsonReader.TryReadEndpointPropertyResponse(bytes, out var j, out e), j, e);
        AltoJsonReader.TryReadError(bytes, out _);
    }

    private static void Check(bool ok, object? message, AltoError? error)
    {
        Assert.Equal(ok, message is not null);
        Assert.Equal(ok, error is null);
        if (error is not null)
        {
            // Every error can be sent: the writer accepts it and §8.5 holds (value only with field).
            Assert.True(error.Value is null || error.Field is not null);
            Assert.NotEmpty(AltoJsonWriter.Write(error));
        }
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0: list[at] = (byte)Alphabet[random.Next(Alphabet.Length) % 40]; break;
                case 1: list.RemoveAt(at); break;
                case 2: list.Insert(at, (byte)"{}[]\",:0\"tnf-"[random.Next(13)]); break;
                default: list.RemoveRange(at, list.Count - at); break;
            }
        }

        return [.. list];
    }
}
