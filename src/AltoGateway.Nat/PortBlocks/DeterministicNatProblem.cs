namespace AltoGateway.Nat.PortBlocks;

/// <summary>One problem of a deterministic NAT configuration, with a sentence for the operator.</summary>
public readonly record struct DeterministicNatProblem(DeterministicNatProblemKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
