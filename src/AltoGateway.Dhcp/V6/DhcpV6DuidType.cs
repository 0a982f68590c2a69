namespace AltoGateway.Dhcp.V6;

/// <summary>DUID types (RFC 8415 §11.1, RFC 6355).</summary>
public enum DhcpV6DuidType : ushort
{
    /// <summary>Link-layer address plus time (§11.2).</summary>
    LinkLayerPlusTime = 1,

    /// <summary>Vendor-assigned, based on an enterprise number (§11.3).</summary>
    EnterpriseNumber = 2,

    /// <summary>Link-layer address (§11.4).</summary>
    LinkLayer = 3,

    /// <summary>UUID (RFC 6355 §4).</summary>
    Uuid = 4,
}
