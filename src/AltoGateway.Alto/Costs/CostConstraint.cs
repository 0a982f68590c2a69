using System.Globalization;

namespace AltoGateway.Alto.Costs;

/// <summary>
/// One constraint "[operator] [value]" (RFC 7285 §11.3.2.3), e.g. "le 10". Values are compared as
/// doubles for both cost modes.
/// </summary>
public readonly record struct CostConstraint(ConstraintOperator Operator, double Value)
{
    /// <summary>Parses "op value".</summary>
    public static bool TryParse(string? text, out CostConstraint constraint, out ConstraintError error)
    {
        constraint = default;
        var space = text is null ? -1 : text.IndexOf(' ', StringComparison.Ordinal);
        if (text is null || space < 0)
        {
            error = ConstraintError.BadSyntax;
            return false;
        }

        ConstraintOperator? op = text.AsSpan(0, space) switch
        {
            "gt" => ConstraintOperator.GreaterThan,
            "lt" => ConstraintOperator.LessThan,
            "ge" => ConstraintOperator.GreaterOrEqual,
            "le" => ConstraintOperator.LessOrEqual,
            "eq" => ConstraintOperator.EqualTo,
            _ => null,
        };
        if (op is null)
        {
            error = ConstraintError.UnknownOperator;
            return false;
        }

        var number = text.AsSpan(space + 1);
        if (number.IsEmpty || !(char.IsAsciiDigit(number[0]) || number[0] == '-') || !char.IsAsciiDigit(number[^1])
            || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            error = ConstraintError.BadValue;
            return false;
        }

        constraint = new CostConstraint(op.Value, value);
        error = ConstraintError.None;
        return true;
    }

    /// <summary>True when <paramref name="cost"/> satisfies this constraint.</summary>
    public bool IsSatisfiedBy(double cost) => Operator switch
    {
        ConstraintOperator.GreaterThan => cost > Value,
        ConstraintOperator.LessThan => cost < Value,
        ConstraintOperator.GreaterOrEqual => cost >= Value,
        ConstraintOperator.LessOrEqual => cost <= Value,
        _ => cost == Value,
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var op = Operator switch
        {
            ConstraintOperator.GreaterThan => "gt",
            ConstraintOperator.LessThan => "lt",
            ConstraintOperator.GreaterOrEqual => "ge",
            ConstraintOperator.LessOrEqual => "le",
            _ => "eq",
        };
        return op + " " + Value.ToString("R", CultureInfo.InvariantCulture);
    }
}
