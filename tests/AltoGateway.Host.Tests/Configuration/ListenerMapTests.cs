using System.Net;
using AltoGateway.Host.Configuration;
using AltoGateway.Host.Http;

namespace AltoGateway.Host.Tests.Configuration;

public class ListenerMapTests
{
    private static readonly ListenerMap Map = new(new HttpOptions
    {
        Lan = new ListenerOptions { Urls = ["http://100.64.0.1:80", "http://localhost:7285"] },
        Wan = new ListenerOptions { Urls = ["http://203.0.113.1:80", "http://*:7286"] },
    });

    [Theory]
    [InlineData("100.64.0.1", 80, "Lan")]
    [InlineData("::ffff:100.64.0.1", 80, "Lan")]
    [InlineData("203.0.113.1", 80, "Wan")]
    [InlineData("127.0.0.1", 7285, "Lan")]
    [InlineData("::1", 7285, "Lan")]
    [InlineData("198.51.100.7", 7286, "Wan")]
    [InlineData("2001:db8::5", 7286, "Wan")]
    public void A_connection_belongs_to_the_group_of_the_address_and_port_it_reached(string local, int port, string expected)
    {
        Assert.Equal(Enum.Parse<ListenerGroup>(expected), Map.GroupOf(IPAddress.Parse(local), port));
    }

    [Fact]
    public void A_connection_on_no_configured_listener_belongs_to_no_group()
    {
        Assert.Null(Map.GroupOf(IPAddress.Parse("192.0.2.1"), 80));
        Assert.Null(Map.GroupOf(null, 9999));
    }

    [Fact]
    public void The_summary_names_both_groups_for_logs_and_systemd()
    {
        Assert.Equal("LAN http://100.64.0.1:80, http://localhost:7285; WAN http://203.0.113.1:80, http://*:7286", Map.Summary);
    }
}
