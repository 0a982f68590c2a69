using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Dhcp.Tests.Alto;

/// <summary>The ALTO options of a reply: what is sent for which PRL / ORO, and how it is encoded.</summary>
public class AltoDhcpOptionsTests
{
    private static readonly AltoDhcpSettings Settings = new()
    {
        AccessDomain = AccessDomainOptionTests.Name("example.net"),
        DirectoryUri = new Uri("https://alto.example.net/ird"),
    };

    [Fact]
    public void Defaults_are_site_specific_234_and_the_RFC_5612_documentation_enterprise()
    {
        var settings = new AltoDhcpSettings();
        Assert.Equal(234, settings.SiteSpecificUriCode);
        Assert.Equal(32473u, settings.EnterpriseNumber);
        Assert.False(settings.AlwaysSend);
        Assert.True(AltoDhcpSettings.IsSiteSpecific(settings.SiteSpecificUriCode));
    }

    [Theory]
    [InlineData(223)]
    [InlineData(255)]
    [InlineData(0)]
    public void Site_specific_code_outside_224_to_254_is_refused(int code) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AltoDhcpSettings { SiteSpecificUriCode = (byte)code });

    [Fact]
    public void Non_http_directory_uri_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AltoDhcpSettings { DirectoryUri = new Uri("ftp://alto.example.net/ird") });

    [Fact]
    public void Only_what_the_PRL_asks_for_is_sent()
    {
        var options = new AltoDhcpOptions(Settings);

        Assert.Empty(options.ForDhcpV4([1, 3, 6, 15], "peer-1"));
        Assert.Equal([213], options.ForDhcpV4([1, 213], "peer-1").Select(o => (int)o.Code));
        Assert.Equal([213, 234, 125], options.ForDhcpV4([125, 234, 213], "peer-1").Select(o => (int)o.Code));
    }

    [Fact]
    public void Always_send_sends_everything_configured()
    {
        var options = new AltoDhcpOptions(Settings with { AlwaysSend = true, SiteSpecificUriCode = 240 });
        Assert.Equal([213, 240, 125], options.ForDhcpV4([], "peer-1").Select(o => (int)o.Code));
        Assert.Equal([57, 17], options.ForDhcpV6([], "peer-1").Select(o => (int)o.Code));
    }

    [Fact]
    public void Site_specific_option_carries_the_uri_as_ascii()
    {
        var option = new AltoDhcpOptions(Settings).ForDhcpV4([234], null).Single();
        Assert.Equal("https://alto.example.net/ird", option.GetText());
    }

    [Fact]
    public void Option_125_carries_uri_as_1_and_peer_id_as_2_under_the_enterprise()
    {
        var option = new AltoDhcpOptions(Settings with { EnterpriseNumber = 99999 }).ForDhcpV4([125], "peer-1").Single();

        Assert.True(DhcpV4VendorIdentifyingOption.TryRead(option.Data, out var vendors, out _));
        var vendor = Assert.Single(vendors);
        Assert.Equal(99999u, vendor.EnterpriseNumber);
        Assert.Equal("https://alto.example.net/ird"u8.ToArray(), vendor.Find(AltoVendorSubOptionCode.DirectoryUri)!.Value.ToArray());
        Assert.Equal("peer-1"u8.ToArray(), vendor.Find(AltoVendorSubOptionCode.PeerId)!.Value.ToArray());
        // enterprise 99999, data-len 2 + 28 + 2 + 6, then sub-option 1.
        Assert.Equal(Convert.FromHexString("0001869F2601"), option.Data[..6].ToArray());
    }

    [Fact]
    public void Peer_id_alone_travels_in_125_without_a_uri()
    {
        var option = new AltoDhcpOptions(new AltoDhcpSettings()).ForDhcpV4([125], "peer-1").Single();
        Assert.Equal(Convert.FromHexString("00007ED9080206") .Concat("peer-1"u8.ToArray()), option.Data.ToArray());
    }

    [Fact]
    public void Dhcpv6_sends_57_and_17_when_the_ORO_asks()
    {
        var options = new AltoDhcpOptions(Settings);

        Assert.Empty(options.ForDhcpV6([23, 24], "peer-1"));
        var sent = options.ForDhcpV6([DhcpV6OptionCode.AccessDomain, DhcpV6OptionCode.VendorOptions], "peer-1");
        Assert.Equal([57, 17], sent.Select(o => (int)o.Code));
        Assert.True(DhcpV6VendorOption.TryRead(sent[1].Data, out var vendor, out _, out _));
        Assert.Equal(AltoDhcpSettings.DefaultEnterpriseNumber, vendor.EnterpriseNumber);
        Assert.Equal([1, 2], vendor.SubOptions.Select(s => (int)s.Code));
    }

    [Fact]
    public void Nothing_configured_sends_nothing()
    {
        var options = new AltoDhcpOptions(new AltoDhcpSettings { AlwaysSend = true });
        Assert.Empty(options.ForDhcpV4([213, 234, 125], null));
        Assert.Empty(options.ForDhcpV6([57, 17], null));
    }

    [Fact]
    public void Inform_reply_with_the_alto_options_reads_back_to_the_access_domain()
    {
        var inform = DhcpV4Reader.Read(Tests.V4.DhcpV4Packets.Inform());
        var parameters = new AltoDhcpOptions(Settings).ForDhcpV4(inform.ParameterRequestList, "peer-1");
        var ack = DhcpV4Reader.Read(DhcpV4Writer.Write(DhcpV4InformReply.Create(inform, System.Net.IPAddress.Parse("192.0.2.1"), parameters)));

        Assert.Equal([53, 54, 213, 234], ack.Options.Select(o => (int)o.Code));
        Assert.True(AccessDomainOption.TryRead(ack.FindOption(DhcpV4OptionCode.AccessDomain)!.Data.Span, out var name, out _));
        Assert.Equal("example.net.", name.Name);
    }
}
