namespace AltoGateway.Nat.Resolution;

/// <summary>What a question "which subscriber is this?" came to.</summary>
public enum ResolutionOutcome
{
    /// <summary>One subscriber, named in <see cref="SubscriberResolution.Subscriber"/>.</summary>
    Found,

    /// <summary>No subscriber is known by that name now (never was, or left).</summary>
    Unknown,

    /// <summary>Several subscribers share the public address and no port or peer ID tells them apart.</summary>
    Ambiguous,

    /// <summary>A peer ID that was ours once but is past its validity.</summary>
    Expired,

    /// <summary>Not a well-formed name (a peer ID of the wrong length or alphabet).</summary>
    Malformed,
}
