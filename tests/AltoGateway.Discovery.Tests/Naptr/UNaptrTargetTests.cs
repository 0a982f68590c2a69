using AltoGateway.Discovery.Naptr;

namespace AltoGateway.Discovery.Tests.Naptr;

/// <summary>U-NAPTR rules (RFC 4848 §2, RFC 3402 §3.2) on the records of RFC 7286 §3.2 and RFC 8686 §3.4.</summary>
public class UNaptrTargetTests
{
    [Theory]
    // RFC 7286 §3.2 example; RFC 8686 §3.4 example (dig prints the empty replacement as ".").
    [InlineData("u", "ALTO:https", "!.*!https://alto1.example.net/ird!", "", "https://alto1.example.net/ird")]
    [InlineData("u", "ALTO:https", "!.*!https://alto1.example.net/ird!", ".", "https://alto1.example.net/ird")]
    [InlineData("U", "alto:HTTPS", "!.*!https://alto1.example.net/ird!", ".", "https://alto1.example.net/ird")]
    [InlineData("u", "ALTO:http", "#.*#http://alto.example.net:8080/ird?x=1#", ".", "http://alto.example.net:8080/ird?x=1")]
    [InlineData("u", "ALTO:http:https", "!.*!https://alto.example.net/ird!i", ".", "https://alto.example.net/ird")]
    [InlineData("u", "ALTO:https", @"/.*/https:\/\/alto.example.net\/ird/", ".", "https://alto.example.net/ird")]
    [InlineData("u", "ALTO:https", @"!.*!https://alto.example.net/a\\b!", ".", @"https://alto.example.net/a\b")]
    public void Valid_records_give_their_uri(string flags, string services, string regexp, string replacement, string uri)
    {
        var record = new NaptrRecord(100, 10, flags, services, regexp, replacement);
        Assert.True(UNaptrTarget.TryFrom(record, out var target, out var error), error.ToString());
        Assert.Equal(UNaptrError.None, error);
        Assert.Equal(new Uri(uri), target.Uri);
        Assert.Equal((ushort)100, target.Order);
        Assert.Equal((ushort)10, target.Preference);
    }

    [Theory]
    [InlineData("", "ALTO:https", "!.*!https://a.example/ird!", ".", UNaptrError.FlagNotU)]
    [InlineData("s", "ALTO:https", "!.*!https://a.example/ird!", ".", UNaptrError.FlagNotU)]
    [InlineData("ua", "ALTO:https", "!.*!https://a.example/ird!", ".", UNaptrError.FlagNotU)]
    [InlineData("u", "ALTO:https", "!.*!https://a.example/ird!", "alto.example.net.", UNaptrError.ReplacementNotEmpty)]
    [InlineData("u", "ALTO:https", "", ".", UNaptrError.EmptyRegexp)]
    [InlineData("u", "ALTO:https", "1.*1https://a.example/ird1", ".", UNaptrError.BadDelimiter)]
    [InlineData("u", "ALTO:https", "i.*ihttps://a.example/irdi", ".", UNaptrError.BadDelimiter)]
    [InlineData("u", "ALTO:https", @"\.*\https://a.example/ird\", ".", UNaptrError.BadDelimiter)]
    [InlineData("u", "ALTO:https", "!.*", ".", UNaptrError.UnterminatedRegexp)]
    [InlineData("u", "ALTO:https", "!.*!https://a.example/ird", ".", UNaptrError.UnterminatedRegexp)]
    [InlineData("u", "ALTO:https", @"!.*!https://a.example/ird\!", ".", UNaptrError.UnterminatedRegexp)]
    [InlineData("u", "ALTO:https", "!^.*$!https://a.example/ird!", ".", UNaptrError.NotMatchAll)]
    [InlineData("u", "ALTO:https", "!(.*)!https://a.example/ird!", ".", UNaptrError.NotMatchAll)]
    [InlineData("u", "ALTO:https", @"!(.*)!https://\1/ird!", ".", UNaptrError.NotMatchAll)]
    [InlineData("u", "ALTO:https", @"!.*!https://\1/ird!", ".", UNaptrError.BackReference)]
    [InlineData("u", "ALTO:https", @"!.*!https://a.example/\d!", ".", UNaptrError.BadEscape)]
    [InlineData("u", "ALTO:https", "!.*!https://a.example/ird!x", ".", UNaptrError.TrailingCharacters)]
    [InlineData("u", "ALTO:https", "!.*!https://a.example/!ird!", ".", UNaptrError.TrailingCharacters)]
    [InlineData("u", "ALTO:https", "!.*!alto1.example.net/ird!", ".", UNaptrError.UriNotAbsolute)]
    [InlineData("u", "ALTO:https", "!.*!/ird!", ".", UNaptrError.UriNotAbsolute)]
    [InlineData("u", "ALTO:https", "!.*!!", ".", UNaptrError.UriNotAbsolute)]
    [InlineData("u", "ALTO:https", "!.*!ftp://a.example/ird!", ".", UNaptrError.UriSchemeNotHttp)]
    [InlineData("u", "ALTO:https", "!.*!http://a.example/ird!", ".", UNaptrError.UriSchemeNotInService)]
    [InlineData("u", "ALTO", "!.*!https://a.example/ird!", ".", UNaptrError.BadServiceField)]
    [InlineData("u", "ALTO:", "!.*!https://a.example/ird!", ".", UNaptrError.BadServiceField)]
    [InlineData("u", ":https", "!.*!https://a.example/ird!", ".", UNaptrError.BadServiceField)]
    [InlineData("u", "ALTO:ht tps", "!.*!https://a.example/ird!", ".", UNaptrError.BadServiceField)]
    public void Broken_records_fail_with_the_rule_they_break(string flags, string services, string regexp, string replacement, UNaptrError expected)
    {
        var record = new NaptrRecord(100, 10, flags, services, regexp, replacement);
        Assert.False(UNaptrTarget.TryFrom(record, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("ALTO:https", "ALTO", "https")]
    [InlineData("LIS:HELD", "LIS", "HELD")]
    [InlineData("ALTO:http:https", "ALTO", "http|https")]
    [InlineData("x-my.service+1:x-proto-2", "x-my.service+1", "x-proto-2")]
    public void Service_fields_parse_into_tag_and_protocols(string text, string service, string protocols)
    {
        Assert.True(UNaptrServiceParameter.TryParse(text, out var parameter, out _));
        Assert.Equal(service, parameter.Service);
        Assert.Equal(protocols.Split('|'), parameter.Protocols);
        Assert.Equal(text, parameter.ToString());
    }

    [Theory]
    [InlineData("ALTO:https", "ALTO:https", true)]
    [InlineData("alto:HTTPS", "ALTO:https", true)]
    [InlineData("ALTO:http:https", "ALTO:https", true)]
    [InlineData("ALTO:http", "ALTO:https", false)]
    [InlineData("LIS:HELD", "ALTO:https", false)]
    [InlineData("ALTOX:https", "ALTO:https", false)]
    public void Service_fields_match_on_tag_and_a_shared_protocol(string record, string wanted, bool matches) =>
        Assert.Equal(matches, UNaptrServiceParameter.Parse(record).Matches(UNaptrServiceParameter.Parse(wanted)));
}
