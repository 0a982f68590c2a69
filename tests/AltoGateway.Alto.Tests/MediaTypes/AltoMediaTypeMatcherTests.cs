using AltoGateway.Alto.MediaTypes;

namespace AltoGateway.Alto.Tests.MediaTypes;

public class AltoMediaTypeMatcherTests
{
    [Fact]
    public void There_are_the_ten_types_of_section_14_1_all_distinct_alto_json()
    {
        Assert.Equal(10, AltoMediaTypes.All.Distinct().Count());
        Assert.All(AltoMediaTypes.All, t => Assert.Matches("^application/alto-[a-z]+\\+json$", t));
    }

    [Theory]
    [InlineData("application/alto-endpointcost+json", true)]
    [InlineData("Application/ALTO-EndpointCost+JSON", true)]
    [InlineData("application/alto-endpointcost+json; charset=utf-8", true)]
    [InlineData("  application/alto-endpointcost+json ;q=1", true)]
    [InlineData("application/json", false)]
    [InlineData("application/alto-endpointcostparams+json", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Content_type_matching_ignores_case_and_parameters(string? header, bool expected)
    {
        Assert.Equal(expected, AltoMediaTypeMatcher.Matches(header, AltoMediaTypes.EndpointCost));
    }
}
