namespace AltoGateway.Tests.Shared;

/// <summary>Inputs for the seeded property tests of the wire readers (DHCPv4, DHCPv6, DNS): the same seed, the same bytes.</summary>
internal static class SeededBytes
{
    /// <summary>
    /// <paramref name="count"/> random byte strings of 0 to <paramref name="maxLength"/> − 1 octets. <paramref name="shape"/>,
    /// given the same generator, may set a few octets of some of them (a magic cookie, small counts) so that the
    /// reader gets past its first checks.
    /// </summary>
    public static IEnumerable<byte[]> Random(int seed, int count, int maxLength, Action<byte[], Random>? shape = null)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[random.Next(0, maxLength)];
            random.NextBytes(bytes);
            shape?.Invoke(bytes, random);
            yield return bytes;
        }
    }
}
