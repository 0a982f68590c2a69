namespace AltoGateway.Discovery.Tests.Dns;

/// <summary>DNS messages encoded by hand, octet by octet, from the RFC examples they cite.</summary>
internal static class DnsWireVectors
{
    /// <summary>
    /// A response to "example.net. NAPTR" carrying the two U-NAPTR records of RFC 7286 §3.2:
    /// example.net. IN NAPTR 100 10 "u" "ALTO:https" "!.*!https://alto1.example.net/ird!" ""
    /// example.net. IN NAPTR 200 10 "u" "ALTO:http"  "!.*!http://alto1.example.net/ird!"  ""
    /// Owner names point back to the question name at offset 12 (RFC 1035 §4.1.4).
    /// </summary>
    public static readonly byte[] Rfc7286NaptrResponse = Hex(
        "1234 8400 0001 0002 0000 0000" // id 0x1234, QR AA, QD 1, AN 2
        + "07 6578616d706c65 03 6e6574 00 0023 0001" // example.net. NAPTR IN
        + "c00c 0023 0001 00000e10 0035" // example.net. NAPTR IN 3600, RDLENGTH 53
        + "0064 000a 01 75 0a 414c544f3a6874747073" // 100 10 "u" "ALTO:https"
        + "22 212e2a2168747470733a2f2f616c746f312e6578616d706c652e6e65742f69726421 00" // "!.*!https://alto1.example.net/ird!" .
        + "c00c 0023 0001 00000e10 0033" // RDLENGTH 51
        + "00c8 000a 01 75 09 414c544f3a68747470" // 200 10 "u" "ALTO:http"
        + "21 212e2a21687474703a2f2f616c746f312e6578616d706c652e6e65742f69726421 00"); // "!.*!http://alto1.example.net/ird!" .

    /// <summary>
    /// A response to "example.net. SOA" with NS and SOA in the authority section whose RDATA names are
    /// compressed (RFC 1035 §4.1.4 allows it for these well-known types, RFC 3597 §4).
    /// </summary>
    public static readonly byte[] CompressedAuthorityResponse = Hex(
        "abcd 8180 0001 0000 0002 0000" // QR RD RA, QD 1, NS 2
        + "07 6578616d706c65 03 6e6574 00 0006 0001" // offset 12: example.net. SOA IN
        + "c00c 0002 0001 00000e10 0006 03 6e7331 c00c" // offset 29: NS ns1.example.net. (ns1 at offset 41)
        + "c00c 0006 0001 00000e10 0023" // offset 47: SOA, RDLENGTH 35
        + "c029" // MNAME ns1.example.net.
        + "0a 686f73746d6173746572 c00c" // RNAME hostmaster.example.net.
        + "00000001 00001c20 00000e10 00127500 0000012c"); // serial 1, refresh 7200, retry 3600, expire 1209600, minimum 300

    /// <summary>A query "example.net. NAPTR" with RD and an OPT record: payload 4096, DO set (RFC 6891 §6.1.3, RFC 3225 §3).</summary>
    public static readonly byte[] QueryWithDnssecOk = Hex(
        "002a 0100 0001 0000 0000 0001" // id 42, RD, QD 1, AR 1
        + "07 6578616d706c65 03 6e6574 00 0023 0001"
        + "00 0029 1000 00008000 0000"); // root, OPT, 4096, ext-rcode 0 version 0 DO, RDLENGTH 0

    /// <summary>A response with AD, RCODE 0 in the header, extended RCODE 1 (BADVERS, 16) and one option in the OPT.</summary>
    public static readonly byte[] ResponseWithOptOption = Hex(
        "0007 81a0 0000 0000 0000 0001" // QR RD RA AD
        + "00 0029 04d0 01000000 0006 fde9 0002 abcd"); // payload 1232, ext-rcode 1, option 65001 of 2 octets

    public static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
