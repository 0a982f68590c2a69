using AltoGateway.Alto.Identifiers;

namespace AltoGateway.Alto.Tests.Identifiers;

public class AltoNameTests
{
    [Theory]
    [InlineData("PID1", true)]
    [InlineData("my-default-network-map", true)]
    [InlineData("a:b@c_d-e", true)]
    [InlineData("has.dot", false)] // §10.1: '.' is reserved
    [InlineData("has space", false)]
    [InlineData("ümlaut", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Pid_names_and_resource_ids_follow_section_10_1(string? name, bool valid)
    {
        Assert.Equal(valid, AltoName.IsValidPidName(name));
        Assert.Equal(valid, AltoName.IsValidResourceId(name));
    }

    [Fact]
    public void Names_are_at_most_64_characters()
    {
        Assert.True(AltoName.IsValidPidName(new string('a', 64)));
        Assert.False(AltoName.IsValidPidName(new string('a', 65)));
    }

    [Theory]
    [InlineData("my-default-network-map.pid", true)]
    [InlineData("priv:ietf-example-prop", true)]
    [InlineData("pid", true)]
    [InlineData("a.b.c", false)]
    [InlineData(".pid", false)]
    [InlineData("map.", false)]
    public void Property_names_follow_section_10_8(string name, bool valid)
    {
        Assert.Equal(valid, PropertyName.IsValid(name));
    }

    [Fact]
    public void Vtags_compare_byte_for_byte_and_check_the_tag_range()
    {
        Assert.Equal(new VersionTag("map", "abc"), new VersionTag("map", "abc"));
        Assert.NotEqual(new VersionTag("map", "abc"), new VersionTag("map", "ABC"));
        Assert.True(new VersionTag("map", "!~" + new string('x', 62)).IsValid);
        Assert.False(new VersionTag("map", new string('x', 65)).IsValid);
        Assert.False(new VersionTag("map", "a b").IsValid);
        Assert.False(new VersionTag("map", "").IsValid);
        Assert.False(new VersionTag("bad.id", "t").IsValid);
    }
}
