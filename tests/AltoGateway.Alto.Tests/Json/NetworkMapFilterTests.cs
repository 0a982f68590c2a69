using System.Text;
using AltoGateway.Alto.Errors;
using AltoGateway.Alto.Json;

namespace AltoGateway.Alto.Tests.Json;

/// <summary>The filtered network map request (§11.3.1.3): pids required (may be empty), address-types optional.</summary>
public class NetworkMapFilterTests
{
    [Fact]
    public void A_filter_is_read_with_its_pids_address_types_and_unknown_fields()
    {
        var ok = AltoJsonReader.TryReadNetworkMapFilterRequest(
            Encoding.UTF8.GetBytes("""{"pids":["PID1","PID2"],"address-types":["ipv4"],"x-extension":1}"""), out var request, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal(["PID1", "PID2"], request!.Pids);
        Assert.Equal(["ipv4"], request.AddressTypes!);
        Assert.True(request.ExtensionData!.ContainsKey("x-extension"));
    }

    [Fact]
    public void Empty_pids_are_valid_and_mean_all()
    {
        Assert.True(AltoJsonReader.TryReadNetworkMapFilterRequest(Encoding.UTF8.GetBytes("""{"pids":[]}"""), out var request, out _));
        Assert.Empty(request!.Pids);
        Assert.Null(request.AddressTypes);
    }

    [Theory]
    [InlineData("""{"address-types":["ipv4"]}""", "E_MISSING_FIELD", "pids")]
    [InlineData("""{"pids":"PID1"}""", "E_INVALID_FIELD_TYPE", "pids")]
    [InlineData("""{"pids":[],"address-types":"ipv4"}""", "E_INVALID_FIELD_TYPE", "address-types")]
    public void A_bad_filter_is_one_error_with_its_field(string json, string code, string field)
    {
        Assert.False(AltoJsonReader.TryReadNetworkMapFilterRequest(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Equal(code, error!.Code);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Malformed_json_is_a_syntax_error()
    {
        Assert.False(AltoJsonReader.TryReadNetworkMapFilterRequest(Encoding.UTF8.GetBytes("""{"pids":["""), out _, out var error));
        Assert.Equal(AltoErrorCodes.Syntax, error!.Code);
    }
}
