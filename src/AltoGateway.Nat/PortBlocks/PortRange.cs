namespace AltoGateway.Nat.PortBlocks;

/// <summary>An inclusive range of transport ports, <c>First</c> through <c>Last</c>.</summary>
public readonly record struct PortRange(ushort First, ushort Last)
{
    /// <summary>The number of ports in the range (0 when <c>Last</c> is below <c>First</c>).</summary>
    public int Count => Last >= First ? Last - First + 1 : 0;

    /// <summary>Whether <paramref name="port"/> lies in the range.</summary>
    public bool Contains(ushort port) => port >= First && port <= Last;

    /// <inheritdoc />
    public override string ToString() => $"{First}-{Last}";
}
