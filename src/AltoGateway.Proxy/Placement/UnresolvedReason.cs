namespace AltoGateway.Proxy.Placement;

/// <summary>
/// Why an endpoint named by a tracker has no cost or properties in the proxy's answer. Each has a
/// stable code (<see cref="UnresolvedReasons.Code"/>) that trackers can switch on.
/// </summary>
public enum UnresolvedReason
{
    /// <summary>"peer-id-unknown": a well-formed peer ID that no subscriber holds (or one who left).</summary>
    PeerIdUnknown = 1,

    /// <summary>"peer-id-expired": a peer ID of this agent past its validity; the peer must fetch a new one.</summary>
    PeerIdExpired,

    /// <summary>
    /// "peer-id-foreign": not in the format of this agent's peer IDs (another kind of ID, or garbage).
    /// A well-formed ID this agent cannot find is <see cref="PeerIdUnknown"/> or <see cref="PeerIdExpired"/>:
    /// IDs are found by lookup, so another agent's well-formed ID cannot be told from a forgotten one.
    /// </summary>
    PeerIdForeign,

    /// <summary>"peer-ids-off": this agent issues no peer IDs.</summary>
    PeerIdsOff,

    /// <summary>"no-mapping": a public address of this NAT, but no subscriber uses that port now (or the port is one the RFC 7422 plan reserves).</summary>
    NoMapping,

    /// <summary>"no-public-address": home mode, and neither configuration nor the NAT map gives the subscriber's public address.</summary>
    NoPublicAddress,

    /// <summary>"upstream-no-answer": the upstream ALTO server left the endpoint out of its answer.</summary>
    UpstreamNoAnswer,
}

/// <summary>The stable codes and explanations of <see cref="UnresolvedReason"/>; they never name an internal address.</summary>
public static class UnresolvedReasons
{
    /// <summary>The code written into answers.</summary>
    public static string Code(UnresolvedReason reason) => reason switch
    {
        UnresolvedReason.PeerIdUnknown => "peer-id-unknown",
        UnresolvedReason.PeerIdExpired => "peer-id-expired",
        UnresolvedReason.PeerIdForeign => "peer-id-foreign",
        UnresolvedReason.PeerIdsOff => "peer-ids-off",
        UnresolvedReason.NoMapping => "no-mapping",
        UnresolvedReason.NoPublicAddress => "no-public-address",
        UnresolvedReason.UpstreamNoAnswer => "upstream-no-answer",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>One sentence for the tracker's operator.</summary>
    public static string Explanation(UnresolvedReason reason) => reason switch
    {
        UnresolvedReason.PeerIdUnknown => "no subscriber behind this gateway holds this peer ID now",
        UnresolvedReason.PeerIdExpired => "the peer ID has expired; the peer must fetch a new one",
        UnresolvedReason.PeerIdForeign => "not a peer ID issued by this gateway; ask the gateway the peer's public address leads to",
        UnresolvedReason.PeerIdsOff => "this gateway issues no peer IDs",
        UnresolvedReason.NoMapping => "a public address of this gateway, but no subscriber uses that port now",
        UnresolvedReason.NoPublicAddress => "the gateway does not know this subscriber's public address",
        UnresolvedReason.UpstreamNoAnswer => "the upstream ALTO server gave no answer for this endpoint",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
