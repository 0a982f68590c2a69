namespace AltoGateway.Alto.Addressing;

/// <summary>The transport named after a port ("/tcp"), or <see cref="Any"/> when the name gives none.</summary>
public enum GatewayTransport
{
    /// <summary>No protocol given: whichever has a mapping for the address and port.</summary>
    Any = 0,

    /// <summary>"/tcp".</summary>
    Tcp,

    /// <summary>"/udp" (also uTP, which BitTorrent peers run on the port they announce).</summary>
    Udp,

    /// <summary>"/sctp".</summary>
    Sctp,
}
