using AltoGateway.Alto.Costs;

namespace AltoGateway.Alto.Tests.Costs;

public class CostTests
{
    [Theory]
    [InlineData("le 10", ConstraintOperator.LessOrEqual, 10)]
    [InlineData("gt -1.5", ConstraintOperator.GreaterThan, -1.5)]
    [InlineData("ge 1e3", ConstraintOperator.GreaterOrEqual, 1000)]
    [InlineData("lt 0", ConstraintOperator.LessThan, 0)]
    [InlineData("eq 2.25", ConstraintOperator.EqualTo, 2.25)]
    public void Constraints_parse(string text, ConstraintOperator op, double value)
    {
        Assert.True(CostConstraint.TryParse(text, out var constraint, out var error));
        Assert.Equal(ConstraintError.None, error);
        Assert.Equal(new CostConstraint(op, value), constraint);
    }

    [Theory]
    [InlineData("le", ConstraintError.BadSyntax)]
    [InlineData("", ConstraintError.BadSyntax)]
    [InlineData(null, ConstraintError.BadSyntax)]
    [InlineData("ne 5", ConstraintError.UnknownOperator)]
    [InlineData("LE 5", ConstraintError.UnknownOperator)]
    [InlineData(" le 5", ConstraintError.UnknownOperator)]
    [InlineData("le ten", ConstraintError.BadValue)]
    [InlineData("le NaN", ConstraintError.BadValue)]
    [InlineData("le 1e999", ConstraintError.BadValue)]
    [InlineData("le  5", ConstraintError.BadValue)]
    [InlineData("le 5 ", ConstraintError.BadValue)]
    [InlineData("le +5", ConstraintError.BadValue)]
    public void Bad_constraints_say_why(string? text, ConstraintError expected)
    {
        Assert.False(CostConstraint.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Constraints_are_ANDed_on_doubles()
    {
        Assert.True(CostConstraintSet.TryParse(["ge 1", "lt 10"], out var set, out _, out _));
        Assert.False(set.Admits(0.5));
        Assert.True(set.Admits(1));
        Assert.True(set.Admits(9.999));
        Assert.False(set.Admits(10));
        Assert.True(CostConstraintSet.None.Admits(double.MaxValue));
    }

    [Fact]
    public void The_first_bad_constraint_is_named()
    {
        Assert.False(CostConstraintSet.TryParse(["le 1", "xx 2"], out _, out var index, out var error));
        Assert.Equal(1, index);
        Assert.Equal(ConstraintError.UnknownOperator, error);
    }

    [Theory]
    [InlineData("routingcost", true)]
    [InlineData("priv:my-metric.v2", true)]
    [InlineData("has space", false)]
    [InlineData("at@sign", false)]
    [InlineData("", false)]
    public void Cost_metrics_follow_section_10_6(string metric, bool valid)
    {
        Assert.Equal(valid, CostMetric.IsValid(metric));
    }

    [Fact]
    public void Cost_metrics_are_at_most_32_characters_and_priv_is_private()
    {
        Assert.True(CostMetric.IsValid(new string('m', 32)));
        Assert.False(CostMetric.IsValid(new string('m', 33)));
        Assert.True(CostMetric.IsPrivate("priv:x"));
        Assert.False(CostMetric.IsPrivate("routingcost"));
        Assert.True(CostMetric.IsRegistered(CostMetric.HopCount));
    }

    [Fact]
    public void Cost_types_are_equal_by_mode_and_metric_not_description()
    {
        Assert.Equal(new CostType("ordinal", "routingcost", "a"), new CostType("ordinal", "routingcost"));
        Assert.NotEqual(new CostType("numerical", "routingcost"), new CostType("ordinal", "routingcost"));
        Assert.False(CostMode.IsKnown("array"));
    }
}
