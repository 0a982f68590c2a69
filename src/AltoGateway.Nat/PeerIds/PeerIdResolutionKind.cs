namespace AltoGateway.Nat.PeerIds;

/// <summary>What resolving a peer ID found.</summary>
public enum PeerIdResolutionKind
{
    /// <summary>A current subscriber.</summary>
    Subscriber,

    /// <summary>Well-formed, but not issued by this agent with this key, or its subscriber was forgotten.</summary>
    Unknown,

    /// <summary>Its epoch ended more than the grace ago.</summary>
    Expired,

    /// <summary>Not a peer ID: wrong length, version or characters.</summary>
    Malformed,
}
