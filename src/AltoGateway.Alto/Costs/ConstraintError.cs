namespace AltoGateway.Alto.Costs;

/// <summary>Why a cost constraint did not parse.</summary>
public enum ConstraintError
{
    /// <summary>It parsed.</summary>
    None = 0,

    /// <summary>Not "operator value" separated by one space.</summary>
    BadSyntax,

    /// <summary>The operator is not gt, lt, ge, le or eq.</summary>
    UnknownOperator,

    /// <summary>The value is not a finite JSON-style number.</summary>
    BadValue,
}
