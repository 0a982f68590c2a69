namespace AltoGateway.Nat.PeerIds;

/// <summary>A peer ID handed to a subscriber, and until when it resolves (end of its epoch plus grace).</summary>
public readonly record struct IssuedPeerId(string Value, DateTimeOffset ValidUntil)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
