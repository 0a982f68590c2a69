namespace AltoGateway.Dhcp.V4;

/// <summary>
/// The data of option 82 (RFC 3046 §2.0): sub-options with one-octet code and length, no pad and no end inside.
/// Circuit-ID (1) and Remote-ID (2) are named; every other sub-option is kept as it came.
/// </summary>
public sealed class DhcpV4RelayAgentInformation
{
    /// <summary>Agent Circuit ID sub-option (RFC 3046 §3.1).</summary>
    public const byte CircuitIdCode = 1;

    /// <summary>Agent Remote ID sub-option (RFC 3046 §3.2).</summary>
    public const byte RemoteIdCode = 2;

    /// <summary>Takes the sub-options in the order they are to be written; at least one (RFC 3046 §2.0: minimum length 2).</summary>
    public DhcpV4RelayAgentInformation(IReadOnlyList<DhcpV4SubOption> subOptions)
    {
        ArgumentNullException.ThrowIfNull(subOptions);
        if (subOptions.Count == 0)
        {
            throw new ArgumentException("Option 82 carries at least one sub-option (RFC 3046 §2.0).", nameof(subOptions));
        }

        _ = DhcpV4SubOptionCodec.EncodedLength(subOptions); // throws for a sub-option over 255 octets
        SubOptions = subOptions;
    }

    /// <summary>The sub-options in order.</summary>
    public IReadOnlyList<DhcpV4SubOption> SubOptions { get; }

    /// <summary>Sub-option 1, or null.</summary>
    public ReadOnlyMemory<byte>? CircuitId => Find(CircuitIdCode);

    /// <summary>Sub-option 2, or null.</summary>
    public ReadOnlyMemory<byte>? RemoteId => Find(RemoteIdCode);

    /// <summary>Circuit-ID then Remote-ID; either may be omitted, not both.</summary>
    public static DhcpV4RelayAgentInformation Create(ReadOnlyMemory<byte>? circuitId, ReadOnlyMemory<byte>? remoteId)
    {
        var subOptions = new List<DhcpV4SubOption>(2);
        if (circuitId is { } circuit)
        {
            subOptions.Add(new DhcpV4SubOption(CircuitIdCode, circuit));
        }

        if (remoteId is { } remote)
        {
            subOptions.Add(new DhcpV4SubOption(RemoteIdCode, remote));
        }

        return new DhcpV4RelayAgentInformation(subOptions);
    }

    /// <summary>Reads option 82's data; the failure offset is within <paramref name="data"/>.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> data, out DhcpV4RelayAgentInformation information, out DhcpV4ReadError error, out int errorOffset)
    {
        information = null!;
        if (data.Length < 2)
        {
            error = DhcpV4ReadError.RelayAgentInformationTooShort;
            errorOffset = 0;
            return false;
        }

        if (!DhcpV4SubOptionCodec.TryRead(data, out var subOptions, out errorOffset))
        {
            error = DhcpV4ReadError.SubOptionLengthPastEnd;
            return false;
        }

        information = new DhcpV4RelayAgentInformation(subOptions);
        error = DhcpV4ReadError.None;
        return true;
    }

    /// <summary>Option 82 with these sub-options.</summary>
    public DhcpV4Option ToOption()
    {
        var data = new byte[DhcpV4SubOptionCodec.EncodedLength(SubOptions)];
        DhcpV4SubOptionCodec.Write(SubOptions, data);
        return new DhcpV4Option(DhcpV4OptionCode.RelayAgentInformation, data);
    }

    private ReadOnlyMemory<byte>? Find(byte code)
    {
        foreach (var subOption in SubOptions)
        {
            if (subOption.Code == code)
            {
                return subOption.Data;
            }
        }

        return null;
    }
}
