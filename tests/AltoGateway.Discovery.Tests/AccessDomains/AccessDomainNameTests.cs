using AltoGateway.Discovery.AccessDomains;

namespace AltoGateway.Discovery.Tests.AccessDomains;

/// <summary>RFC 7286 §3.2: the U-NAPTR query name is the access domain itself, checked against RFC 1035 §2.3.4.</summary>
public class AccessDomainNameTests
{
    [Theory]
    [InlineData("example.net", "example.net.")]
    [InlineData("example.net.", "example.net.")]
    [InlineData("Example.NET", "example.net.")]
    [InlineData("net", "net.")]
    public void Names_are_queried_as_themselves_absolute_and_lower_case(string text, string query)
    {
        Assert.True(AccessDomainName.TryCreate(text, out var name, out var error));
        Assert.Equal(DomainNameError.None, error);
        Assert.Equal(query, name.NaptrQueryName);
    }

    [Theory]
    [InlineData(null, DomainNameError.Empty)]
    [InlineData("", DomainNameError.Empty)]
    [InlineData(".", DomainNameError.Empty)]
    [InlineData("example..net", DomainNameError.EmptyLabel)]
    [InlineData(".example.net", DomainNameError.EmptyLabel)]
    [InlineData("example.net..", DomainNameError.EmptyLabel)]
    [InlineData("exa mple.net", DomainNameError.BadCharacter)]
    [InlineData("ex\\.ample.net", DomainNameError.BadCharacter)]
    [InlineData("b\u00fccher.example", DomainNameError.BadCharacter)]
    public void Bad_names_fail_with_a_reason(string? text, DomainNameError expected)
    {
        Assert.False(AccessDomainName.TryCreate(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Labels_may_take_63_octets_but_not_64()
    {
        Assert.True(AccessDomainName.TryCreate(new string('a', 63) + ".net", out _, out _));
        Assert.False(AccessDomainName.TryCreate(new string('a', 64) + ".net", out _, out var error));
        Assert.Equal(DomainNameError.LabelTooLong, error);
    }

    [Fact]
    public void Names_may_take_255_octets_in_wire_format_but_not_256()
    {
        // Three 63-octet labels and one 61-octet label: 4 × 1 + 63 × 3 + 61 + 1 (root) = 255 octets.
        var longest = string.Join('.', new string('a', 63), new string('b', 63), new string('c', 63), new string('d', 61));
        Assert.True(AccessDomainName.TryCreate(longest, out var name, out _));
        Assert.Equal(longest + ".", name.Name);
        Assert.False(AccessDomainName.TryCreate(longest + "d", out _, out var error));
        Assert.Equal(DomainNameError.NameTooLong, error);
    }
}
