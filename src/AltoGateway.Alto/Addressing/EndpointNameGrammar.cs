namespace AltoGateway.Alto.Addressing;

/// <summary>Which endpoint names a request may carry.</summary>
public enum EndpointNameGrammar
{
    /// <summary>RFC 7285 typed endpoint addresses only (§10.4.1): what an ALTO server accepts.</summary>
    Rfc7285 = 0,

    /// <summary>Also AltoGateway's extension types (<see cref="GatewayEndpointName"/>): what the third-party proxy accepts.</summary>
    Gateway,
}
