namespace AltoGateway.Alto.Costs;

/// <summary>The operators of a cost constraint (RFC 7285 §11.3.2.3).</summary>
public enum ConstraintOperator
{
    /// <summary>"gt": greater than.</summary>
    GreaterThan,

    /// <summary>"lt": less than.</summary>
    LessThan,

    /// <summary>"ge": greater than or equal.</summary>
    GreaterOrEqual,

    /// <summary>"le": less than or equal.</summary>
    LessOrEqual,

    /// <summary>"eq": equal.</summary>
    EqualTo,
}
