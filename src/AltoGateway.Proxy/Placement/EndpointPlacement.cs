using AltoGateway.Alto.Addressing;

namespace AltoGateway.Proxy.Placement;

/// <summary>
/// Where the proxy puts one endpoint a tracker named: the address the upstream is asked about
/// (<see cref="AskAs"/>), and whether the peer is inside this gateway's LAN; or why it cannot be
/// placed (<see cref="Unresolved"/>).
/// </summary>
public sealed record EndpointPlacement
{
    private string? _askAsText;

    private EndpointPlacement(GatewayEndpointName name, TypedEndpointAddress askAs, bool insideLan, string? approximation, UnresolvedReason? unresolved)
    {
        Name = name;
        AskAs = askAs;

        InsideLan = insideLan;
        Approximation = approximation;
        Unresolved = unresolved;
    }

    /// <summary>The name as the tracker wrote it.</summary>
    public GatewayEndpointName Name { get; }

    /// <summary>The address sent upstream (meaningless when <see cref="IsPlaced"/> is false).</summary>
    public TypedEndpointAddress AskAs { get; }

    /// <summary><see cref="AskAs"/> in canonical text (RFC 5952 for IPv6), formatted once when first needed: the key of a JSON upstream's answer.</summary>
    public string AskAsText => _askAsText ??= Unresolved is null ? AskAs.ToString() : string.Empty;

    /// <summary>Home mode: the peer is behind this gateway, so a pair of two such peers is ranked here.</summary>
    public bool InsideLan { get; }

    /// <summary>Set when the peer could only be placed by a public address several subscribers share.</summary>
    public string? Approximation { get; }

    /// <summary>Why it cannot be placed, or null.</summary>
    public UnresolvedReason? Unresolved { get; }

    /// <summary>Whether the upstream (or the local ranking) can answer for it.</summary>
    public bool IsPlaced => Unresolved is null;

    /// <summary>Placed: ask the upstream about <paramref name="askAs"/>.</summary>
    public static EndpointPlacement Placed(GatewayEndpointName name, TypedEndpointAddress askAs, bool insideLan, string? approximation = null) =>
        new(name, askAs, insideLan, approximation, null);

    /// <summary>Not placed, for <paramref name="reason"/>.</summary>
    public static EndpointPlacement Not(GatewayEndpointName name, UnresolvedReason reason) => new(name, default, false, null, reason);
}
