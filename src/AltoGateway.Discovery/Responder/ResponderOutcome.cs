namespace AltoGateway.Discovery.Responder;

/// <summary>
/// What <see cref="DnsAnswerer.Answer"/> did with one message: dropped it (<see cref="Drop"/>), or wrote
/// <see cref="Length"/> octets of response with <see cref="Rcode"/>. <see cref="Malformed"/> marks a message that
/// could not be read (dropped as too short, or answered FORMERR).
/// </summary>
public readonly record struct ResponderOutcome(int Length, ResponseCode Rcode, ResponderDropReason Drop, bool Truncated, bool Malformed)
{
    /// <summary>True when nothing is to be sent.</summary>
    public bool Dropped => Drop != ResponderDropReason.None;

    internal static ResponderOutcome Dropping(ResponderDropReason reason, bool malformed) => new(0, ResponseCode.NoError, reason, false, malformed);
}
