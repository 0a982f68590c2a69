using System.Net;
using AltoGateway.Nat.PeerIds;
using static AltoGateway.Nat.Tests.PeerIds.PeerIdFixture;

namespace AltoGateway.Nat.Tests.PeerIds;

public class PeerIdKeyFileTests
{
    private static readonly string ValidKeyLine = new string('Q', 42) + "A"; // 43 characters: 32 bytes

    [Fact]
    public void A_key_file_holds_a_versioned_header_and_the_key_in_base64url()
    {
        var content = Key().ToKeyFileContent();

        var lines = content.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("altogw-peer-id-key 1", lines[0]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", lines[1]);
        Assert.Equal(string.Empty, lines[2]);
    }

    [Fact]
    public void The_parsed_key_is_the_same_key()
    {
        var time = Clock();
        var original = Key();
        var issued = new PeerIdIssuer(original, Settings, time).Issue(IPAddress.Parse("100.64.0.7"));

        Assert.True(PeerIdKey.TryParseKeyFile(original.ToKeyFileContent(), out var parsed, out var error));
        Assert.Equal(PeerIdKeyFileError.None, error);
        Assert.Equal(issued, new PeerIdIssuer(parsed, Settings, time).Issue(IPAddress.Parse("100.64.0.7")));
        Assert.Equal(original.ToKeyFileContent(), parsed.ToKeyFileContent());
    }

    [Fact]
    public void Generated_keys_differ()
    {
        Assert.NotEqual(Key(1).ToKeyFileContent(), Key(2).ToKeyFileContent());
        using var system = System.Security.Cryptography.RandomNumberGenerator.Create();
        Assert.NotEqual(PeerIdKey.Generate(system).ToKeyFileContent(), PeerIdKey.Generate(system).ToKeyFileContent());
    }

    [Theory]
    [InlineData("altogw-peer-id-key 1\r\n{key}\r\n")]
    [InlineData("altogw-peer-id-key 1\n{key}")]
    [InlineData("altogw-peer-id-key 1\n{key}\n\n")]
    public void Line_endings_and_a_missing_final_line_break_are_accepted(string content)
    {
        Assert.True(PeerIdKey.TryParseKeyFile(content.Replace("{key}", ValidKeyLine, StringComparison.Ordinal), out _, out _));
    }

    [Theory]
    [InlineData("", PeerIdKeyFileError.Empty)]
    [InlineData(" \n", PeerIdKeyFileError.Empty)]
    [InlineData("-----BEGIN PRIVATE KEY-----\n{key}\n", PeerIdKeyFileError.NotAKeyFile)]
    [InlineData("altogw-peer-id-key\n{key}\n", PeerIdKeyFileError.NotAKeyFile)]
    [InlineData("altogw-peer-id-key 2\n{key}\n", PeerIdKeyFileError.UnsupportedVersion)]
    [InlineData("altogw-peer-id-key 1\n", PeerIdKeyFileError.MissingKey)]
    [InlineData("altogw-peer-id-key 1", PeerIdKeyFileError.MissingKey)]
    [InlineData("altogw-peer-id-key 1\n\n{key}\n", PeerIdKeyFileError.MissingKey)]
    [InlineData("altogw-peer-id-key 1\n{key}!\n", PeerIdKeyFileError.KeyNotBase64Url)]
    [InlineData("altogw-peer-id-key 1\nQQ+QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQA\n", PeerIdKeyFileError.KeyNotBase64Url)]
    [InlineData("altogw-peer-id-key 1\n{key}=\n", PeerIdKeyFileError.KeyNotBase64Url)]
    [InlineData("altogw-peer-id-key 1\n {key}\n", PeerIdKeyFileError.KeyNotBase64Url)]
    [InlineData("altogw-peer-id-key 1\nQQQQ\n", PeerIdKeyFileError.WrongKeyLength)]
    [InlineData("altogw-peer-id-key 1\n{key}QQQQ\n", PeerIdKeyFileError.WrongKeyLength)]
    [InlineData("altogw-peer-id-key 1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", PeerIdKeyFileError.KeyAllZero)]
    [InlineData("altogw-peer-id-key 1\n{key}\n{key}\n", PeerIdKeyFileError.TrailingContent)]
    public void A_bad_key_file_is_a_typed_error(string content, PeerIdKeyFileError expected)
    {
        var ok = PeerIdKey.TryParseKeyFile(content.Replace("{key}", ValidKeyLine, StringComparison.Ordinal), out var key, out var error);

        Assert.False(ok);
        Assert.Null(key);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_key_never_shows_itself_as_text()
    {
        Assert.DoesNotContain(Key().ToKeyFileContent().Split('\n')[1], Key().ToString(), StringComparison.Ordinal);
    }
}
