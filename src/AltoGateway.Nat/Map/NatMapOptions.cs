namespace AltoGateway.Nat.Map;

/// <summary>Bounds of a <see cref="NatMap"/>.</summary>
public sealed record NatMapOptions
{
    /// <summary>
    /// Bytes one mapping costs, both indexes and its share of the subscriber table included,
    /// for turning a memory budget into <see cref="MaxEntries"/> (measured by the NAT benchmark).
    /// </summary>
    public const int BytesPerEntry = 64;

    /// <summary>Most mappings held; beyond it the idlest are evicted (and counted).</summary>
    public int MaxEntries { get; init; } = 1 << 20;

    /// <summary>Mappings the map holds room for at first (it doubles up to <see cref="MaxEntries"/>).</summary>
    public int InitialCapacity { get; init; } = 1024;

    public static NatMapOptions ForBudget(long memoryBudgetBytes) =>
        new() { MaxEntries = (int)Math.Clamp(memoryBudgetBytes / BytesPerEntry, 16, int.MaxValue / 4) };
}
