namespace AltoGateway.Alto.Costs;

/// <summary>
/// The constraints of one request, ANDed (RFC 7285 §11.3.2.3: a cost is returned only when it
/// satisfies all of them). An empty set admits every cost.
/// </summary>
public sealed class CostConstraintSet
{
    private readonly CostConstraint[] _constraints;

    private CostConstraintSet(CostConstraint[] constraints) => _constraints = constraints;

    /// <summary>The set that admits every cost.</summary>
    public static CostConstraintSet None { get; } = new([]);

    /// <summary>The constraints, in request order.</summary>
    public IReadOnlyList<CostConstraint> Constraints => _constraints;

    /// <summary>
    /// Parses every constraint; on failure <paramref name="badIndex"/> names the first bad one.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string>? texts, out CostConstraintSet set, out int badIndex, out ConstraintError error)
    {
        set = None;
        badIndex = -1;
        error = ConstraintError.None;
        if (texts is null || texts.Count == 0)
        {
            return true;
        }

        var constraints = new CostConstraint[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!CostConstraint.TryParse(texts[i], out constraints[i], out error))
            {
                badIndex = i;
                return false;
            }
        }

        set = new CostConstraintSet(constraints);
        return true;
    }

    /// <summary>True when <paramref name="cost"/> satisfies every constraint.</summary>
    public bool Admits(double cost)
    {
        foreach (var constraint in _constraints)
        {
            if (!constraint.IsSatisfiedBy(cost))
            {
                return false;
            }
        }

        return true;
    }
}
