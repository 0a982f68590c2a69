namespace AltoGateway.Alto.Addressing;

/// <summary>The text names of <see cref="EndpointAddressType"/> (RFC 7285 §10.4.2).</summary>
public static class EndpointAddressTypeNames
{
    /// <summary>"ipv4".</summary>
    public const string Ipv4 = "ipv4";

    /// <summary>"ipv6".</summary>
    public const string Ipv6 = "ipv6";

    /// <summary>The name of <paramref name="type"/>.</summary>
    public static string Of(EndpointAddressType type) => type switch
    {
        EndpointAddressType.Ipv4 => Ipv4,
        EndpointAddressType.Ipv6 => Ipv6,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Maps a type name to its type. Names are compared exactly: §10.4.2 registers them in lower case.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, out EndpointAddressType type)
    {
        if (name.SequenceEqual(Ipv4))
        {
            type = EndpointAddressType.Ipv4;
            return true;
        }

        if (name.SequenceEqual(Ipv6))
        {
            type = EndpointAddressType.Ipv6;
            return true;
        }

        type = default;
        return false;
    }

    /// <summary>The number of bits of an address of <paramref name="type"/>.</summary>
    public static int BitsOf(EndpointAddressType type) => type == EndpointAddressType.Ipv4 ? 32 : 128;
}
