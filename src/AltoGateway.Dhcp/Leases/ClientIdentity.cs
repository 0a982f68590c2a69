namespace AltoGateway.Dhcp.Leases;

/// <summary>
/// Who a lease belongs to, as RFC 2131 §4.2 keys bindings: the client identifier (option 61, RFC 2132
/// §9.14: a type octet then the identifier, e.g. an RFC 4361 IAID+DUID, type 255) when the client sends
/// one, else the hardware type and client hardware address (<c>htype</c> + <c>chaddr[..hlen]</c>).
/// Both forms are the same bytes — type/htype first — so a client that sends option 61 = 01:MAC
/// (dhclient) and the same client without option 61 (a PXE ROM) get the same lease. RFC 6842 says the
/// server echoes option 61 back; that is the codec's business, the bytes here are the key.
/// Compared by content; the bytes are copied in and never exposed mutable.
/// </summary>
public readonly struct ClientIdentity : IEquatable<ClientIdentity>
{
    /// <summary>The longest identity: an option carries at most 255 octets.</summary>
    public const int MaxLength = 255;

    private readonly byte[]? _bytes;

    private ClientIdentity(byte[] bytes) => _bytes = bytes;

    /// <summary>The identity's octets (type first); empty for <c>default</c>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>True for <c>default(ClientIdentity)</c>, which stands for "no client" (e.g. an address quarantined after a conflict).</summary>
    public bool IsEmpty => _bytes is null || _bytes.Length == 0;

    /// <summary>
    /// Whether option 61's bytes key the client (RFC 2131 §4.2): a type octet and at least one octet of identifier.
    /// Otherwise (absent, or a lone type octet) htype + chaddr do. The one place this rule is written.
    /// </summary>
    public static bool KeysClient(ReadOnlySpan<byte> clientIdentifierOption) => clientIdentifierOption.Length >= 2;

    /// <summary>The identity from the bytes of option 61 (type octet first); 1 to 255 octets.</summary>
    public static ClientIdentity FromClientIdentifier(ReadOnlySpan<byte> option)
    {
        if (option.IsEmpty || option.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(option), option.Length, "a client identifier has 1 to 255 octets");
        }

        return new ClientIdentity(option.ToArray());
    }

    /// <summary>The identity of a client without option 61: htype, then chaddr's first hlen octets (at most 16, RFC 2131 §2).</summary>
    public static ClientIdentity FromHardware(byte hardwareType, ReadOnlySpan<byte> hardwareAddress)
    {
        if (hardwareAddress.Length > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(hardwareAddress), hardwareAddress.Length, "chaddr has 16 octets");
        }

        var bytes = new byte[1 + hardwareAddress.Length];
        bytes[0] = hardwareType;
        hardwareAddress.CopyTo(bytes.AsSpan(1));
        return new ClientIdentity(bytes);
    }

    /// <summary>An Ethernet client by its MAC (htype 1, RFC 1700 hardware types).</summary>
    public static ClientIdentity FromEthernet(ReadOnlySpan<byte> mac) =>
        mac.Length == 6 ? FromHardware(1, mac) : throw new ArgumentException("an Ethernet MAC has 6 octets", nameof(mac));

    /// <summary>Reads an identity back from stored bytes (the journal); empty gives <c>default</c>.</summary>
    internal static ClientIdentity FromStored(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? default : new ClientIdentity(bytes.ToArray());

    public bool Equals(ClientIdentity other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is ClientIdentity other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Hex octets separated by colons, the way DHCP servers log client identifiers.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "(none)";
        }

        var text = new System.Text.StringBuilder(_bytes!.Length * 3);
        foreach (var octet in _bytes)
        {
            text.Append(text.Length == 0 ? string.Empty : ":").Append(octet.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static bool operator ==(ClientIdentity left, ClientIdentity right) => left.Equals(right);

    public static bool operator !=(ClientIdentity left, ClientIdentity right) => !left.Equals(right);
}
