using System.Text;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;

namespace AltoGateway.Alto.Tests.Errors;

public class AltoErrorTests
{
    public static TheoryData<AltoError, string> Bodies => new()
    {
        { AltoError.Syntax("Expected end of input"), """{"meta":{"code":"E_SYNTAX","syntax-error":"Expected end of input"}}""" },
        { AltoError.MissingField("endpoints/dsts"), """{"meta":{"code":"E_MISSING_FIELD","field":"endpoints/dsts"}}""" },
        { AltoError.InvalidFieldType("cost-type/cost-mode"), """{"meta":{"code":"E_INVALID_FIELD_TYPE","field":"cost-type/cost-mode"}}""" },
        { AltoError.InvalidFieldValue("endpoints/srcs", "ipv4:1.2.3"), """{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"endpoints/srcs","value":"ipv4:1.2.3"}}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Each_builder_makes_exactly_one_error_with_its_exact_body(AltoError error, string body)
    {
        Assert.Equal(body, Encoding.UTF8.GetString(AltoJsonWriter.Write(error)));
    }

    [Fact]
    public void A_field_must_be_named()
    {
        Assert.Throws<ArgumentException>(() => AltoError.MissingField(""));
        Assert.Throws<ArgumentException>(() => AltoError.InvalidFieldValue("", "x"));
    }

    [Fact]
    public void A_server_error_is_read_leniently_but_a_value_needs_a_field()
    {
        Assert.True(AltoJsonReader.TryReadError(Encoding.UTF8.GetBytes("""{"meta":{"code":"E_WEIRD","value":7}}"""), out var error));
        Assert.Equal("E_WEIRD", error!.Code);
        Assert.Null(error.Field);
        Assert.Null(error.Value);

        Assert.True(AltoJsonReader.TryReadError(Encoding.UTF8.GetBytes("""{"meta":{"code":"E_INVALID_FIELD_VALUE","field":"a/b","value":7}}"""), out error));
        Assert.Equal("7", error!.Value);
    }

    [Theory]
    [InlineData("<html><body>500 Internal Server Error</body></html>")]
    [InlineData("""{"meta":{}}""")]
    [InlineData("[]")]
    public void Something_that_is_not_an_alto_error_is_said_to_be_so(string body)
    {
        Assert.False(AltoJsonReader.TryReadError(Encoding.UTF8.GetBytes(body), out _));
    }
}
