using System.Text;

namespace AltoGateway.Tests.Shared;

/// <summary>
/// Master files (RFC 1035 §5) for a real DNS server in discovery tests: RFC 8686 Appendix C.4, an IPv4 reverse zone
/// whose R24 carries two ALTO servers and one of whose R32 names has too many records for UDP, and the RFC 7286 §3.2
/// access domain example.net. Negative answers live 300 s (SOA MINIMUM), records 3600 s.
/// </summary>
internal static class DiscoveryTestZones
{
    /// <summary>The zone of R32 of Appendix C.4's address, 2001:db8::/32.</summary>
    public const string AppendixC4Apex = "8.b.d.0.1.0.0.2.ip6.arpa.";

    /// <summary>X of Appendix C.4.</summary>
    public const string AppendixC4Address = "2001:db8:1:2:227:eff:fe6a:de42";

    public const string Ipv4Apex = "51.198.in-addr.arpa.";

    /// <summary>An address of 198.51.100.0/24 whose R32 name carries <see cref="ManyRecords"/> ALTO NAPTRs.</summary>
    public const string Ipv4AddressWithManyRecords = "198.51.100.7";

    public const int ManyRecords = 30;

    public const string AccessDomainApex = "example.net.";

    // R128 is absent (NXDOMAIN); R64 exists with a TXT record only (NODATA); R56 has two LIS:HELD; R48 ALTO and LIS:HELD.
    public static string AppendixC4 => Header(AppendixC4Apex) + """
        2.0.0.0.1.0.0.0 IN TXT "R64 has no NAPTR"
        0.0.1.0.0.0 IN NAPTR 100 10 "u" "LIS:HELD" "!.*!https://lis1.example.org:4802/!" .
        0.0.1.0.0.0 IN NAPTR 100 20 "u" "LIS:HELD" "!.*!https://lis2.example.org:4802/!" .
        1.0.0.0 IN NAPTR 100 10 "u" "ALTO:https" "!.*!https://alto1.example.net/ird!" .
        1.0.0.0 IN NAPTR 100 10 "u" "LIS:HELD" "!.*!https://lis1.example.org:4802/!" .

        """;

    public static string Ipv4
    {
        get
        {
            var text = new StringBuilder(Header(Ipv4Apex))
                .AppendLine("100 IN NAPTR 100 20 \"u\" \"ALTO:https\" \"!.*!https://alto2.example.net/ird!\" .")
                .AppendLine("100 IN NAPTR 100 10 \"u\" \"ALTO:https\" \"!.*!https://alto1.example.net/ird!\" .");
            for (var i = 0; i < ManyRecords; i++)
            {
                text.AppendLine($"7.100 IN NAPTR 100 {i + 1} \"u\" \"ALTO:https\" \"!.*!https://alto{i + 1}.many.example.net/ird!\" .");
            }

            return text.ToString();
        }
    }

    public static string AccessDomain => Header(AccessDomainApex) + """
        ns1 IN A 192.0.2.53
        @ IN NAPTR 100 20 "u" "ALTO:https" "!.*!https://alto2.example.net/ird!" .
        @ IN NAPTR 100 10 "u" "ALTO:https" "!.*!https://alto1.example.net/ird!" .

        """;

    public static Dictionary<string, string> All => new()
    {
        [AppendixC4Apex] = AppendixC4,
        [Ipv4Apex] = Ipv4,
        [AccessDomainApex] = AccessDomain,
    };

    private static string Header(string apex) => $"""
        $ORIGIN {apex}
        $TTL 3600
        @ IN SOA ns1.example.net. hostmaster.example.net. 2024010101 7200 3600 1209600 300
        @ IN NS ns1.example.net.

        """;
}
