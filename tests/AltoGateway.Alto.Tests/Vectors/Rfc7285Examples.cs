namespace AltoGateway.Alto.Tests.Vectors;

/// <summary>
/// The example messages of RFC 7285, checked line by line against the RFC text (rfc-editor.org
/// RFC 7285, September 2014). Each body is the RFC's JSON exactly as printed (field order, values,
/// white space, alignment, even its odd indents), less the page's left margin, the HTTP lines and the
/// page headers and footers. The only changes are the printed defects listed in alto-spec.md §3; each
/// is named, with its reason, on the vector that carries it. (The fourth listed defect, "field":
/// "cost-mode/cost-type" in the prose of §8.5.2, is in no example message; the error tests use the
/// parent/child order "cost-type/cost-mode".)
/// The RFC's examples are not consistent with each other, and these vectors keep that: each example
/// has its own vtag ("da65eca2…" in §11.2.1.7, "3ee2cb7e…" in §11.2.3.7, "c0ce023b…" in §11.3.1.7,
/// "75ed013b…" in §11.3.2.7, "7915dc02…" in §11.4.1.7), all naming "my-default-network-map".
/// </summary>
internal static class Rfc7285Examples
{
    /// <summary>
    /// §9.2.3, the root IRD (response to GET /directory).
    /// FIX: the RFC ends the "endpoint-property" entry's capabilities with "},", the last member of
    /// that entry, so the printed text is not JSON (RFC 8259 allows no trailing comma). That line is
    /// "}" here. Everything else is as printed, including the two-space (not three-space) indent of
    /// "prop-types" and the missing space in "ord-hop"].
    /// </summary>
    public const string Directory = """
        {
          "meta" : {
             "cost-types": {
                "num-routing": {
                   "cost-mode"  : "numerical",
                   "cost-metric": "routingcost",
                   "description": "My default"
                },
                "num-hop":     {
                   "cost-mode"  : "numerical",
                   "cost-metric": "hopcount"
                },
                "ord-routing": {
                   "cost-mode"  : "ordinal",
                   "cost-metric": "routingcost"
                },
                "ord-hop":     {
                   "cost-mode"  : "ordinal",
                   "cost-metric": "hopcount"
                }
             },
             "default-alto-network-map" : "my-default-network-map"
          },
          "resources" : {
             "my-default-network-map" : {
                "uri" : "http://alto.example.com/networkmap",
                "media-type" : "application/alto-networkmap+json"
             },
             "numerical-routing-cost-map" : {
                "uri" : "http://alto.example.com/costmap/num/routingcost",
                "media-type" : "application/alto-costmap+json",
                "capabilities" : {
                   "cost-type-names" : [ "num-routing" ]
                },
                "uses": [ "my-default-network-map" ]
             },
             "numerical-hopcount-cost-map" : {
                "uri" : "http://alto.example.com/costmap/num/hopcount",
                "media-type" : "application/alto-costmap+json",
                "capabilities" : {
                   "cost-type-names" : [ "num-hop" ]
                },
                "uses": [ "my-default-network-map" ]
             },
             "custom-maps-resources" : {
                "uri" : "http://custom.alto.example.com/maps",
                "media-type" : "application/alto-directory+json"
             },
             "endpoint-property" : {
                "uri" : "http://alto.example.com/endpointprop/lookup",
                "media-type" : "application/alto-endpointprop+json",
                "accepts" : "application/alto-endpointpropparams+json",
                "capabilities" : {
                  "prop-types" : [ "my-default-network-map.pid",
                                   "priv:ietf-example-prop" ]
                }
             },
             "endpoint-cost" : {
                "uri" : "http://alto.example.com/endpointcost/lookup",
                "media-type" : "application/alto-endpointcost+json",
                "accepts" : "application/alto-endpointcostparams+json",
                "capabilities" : {
                   "cost-constraints" : true,
                   "cost-type-names" : [ "num-routing", "num-hop",
                                         "ord-routing", "ord-hop"]
                }
             }
          }
        }
        """;

    /// <summary>§11.2.1.7, the network map (response to GET /networkmap). As printed, unchanged (the
    /// RFC indents "tag" one space more than "resource-id").</summary>
    public const string NetworkMap = """
        {
          "meta" : {
            "vtag": {
              "resource-id": "my-default-network-map",
               "tag": "da65eca2eb7a10ce8b059740b0b2e3f8eb1d4785"
            }
          },
          "network-map" : {
            "PID1" : {
              "ipv4" : [
                "192.0.2.0/24",
                "198.51.100.0/25"
              ]
            },
            "PID2" : {
              "ipv4" : [
                "198.51.100.128/25"
              ]
            },
            "PID3" : {
              "ipv4" : [
                "0.0.0.0/0"
              ],
              "ipv6" : [
                "::/0"
              ]
            }
          }
        }
        """;

    /// <summary>
    /// §11.2.2, the complete, non-overlapping map whose "192.0.2.1 should be mapped to PID3".
    /// The RFC prints only the "network-map" member (kept unchanged, as printed). ADDED: the enclosing
    /// object and its "meta" (vtag "lpm-map"/"1", invented here), so that it reads as a network map
    /// response, which §11.2.1.6 says MUST include "vtag".
    /// </summary>
    public const string LongestPrefixMatchMap = """
        {
          "meta" : { "vtag": { "resource-id": "lpm-map", "tag": "1" } },
          "network-map" : {
            "PID0" : { "ipv6" : [ "::/0" ] },
            "PID1" : { "ipv4" : [ "0.0.0.0/0" ] },
            "PID2" : { "ipv4" : [ "192.0.2.0/24", "198.51.100.0/24" ] },
            "PID3" : { "ipv4" : [ "192.0.2.0/25", "192.0.2.128/25" ] }
          }
        }
        """;

    /// <summary>§11.2.3.7, the numerical routingcost cost map (response to GET
    /// /costmap/num/routingcost). As printed, unchanged.</summary>
    public const string CostMap = """
        {
          "meta" : {
            "dependent-vtags" : [
              {"resource-id": "my-default-network-map",
               "tag": "3ee2cb7e8d63d9fab71b9b34cbf764436315542e"
              }
            ],
            "cost-type" : {"cost-mode"  : "numerical",
                           "cost-metric": "routingcost"
            }
          },
          "cost-map" : {
            "PID1": { "PID1": 1,  "PID2": 5,  "PID3": 10 },
            "PID2": { "PID1": 5,  "PID2": 1,  "PID3": 15 },
            "PID3": { "PID1": 20, "PID2": 15  }
          }
        }
        """;

    /// <summary>§11.3.1.7, the request (POST /networkmap/filtered). As printed, unchanged.</summary>
    public const string FilteredNetworkMapRequest = """
        {
          "pids": [ "PID1", "PID2" ]
        }
        """;

    /// <summary>
    /// §11.3.1.7, the response.
    /// FIX: the RFC prints PID2 as "198.51.100.128/24", which has host bits set beyond the /24 and so is
    /// not an RFC 4632 prefix (§10.4.4.1). It is "198.51.100.128/25" here, PID2's prefix in the full
    /// map of §11.2.1.7. Kept as printed, though they disagree with §11.2.1.7: PID1's
    /// "198.51.100.0/24" (the full map has "198.51.100.0/25"; /24 still differs from PID2's prefix, so
    /// the non-overlapping rule of §11.2.2 holds), and the vtag "c0ce023b…" (§11.3.1.6 wants the full
    /// map's vtag). Also as printed: "ipv4": with no space before the colon in PID2.
    /// </summary>
    public const string FilteredNetworkMapResponse = """
        {
          "meta" : {
            "vtag" : {
               "resource-id": "my-default-network-map",
               "tag": "c0ce023b8678a7b9ec00324673b98e54656d1f6d"
            }
          },
          "network-map" : {
            "PID1" : {
              "ipv4" : [
                "192.0.2.0/24",
                "198.51.100.0/24"
              ]
            },
            "PID2" : {
              "ipv4": [
                "198.51.100.128/25"
              ]
            }
          }
        }
        """;

    /// <summary>§11.3.2.7, the request (POST /costmap/filtered). As printed, unchanged: the cost type
    /// is numerical/routingcost.</summary>
    public const string FilteredCostMapRequest = """
        {
          "cost-type" : {"cost-mode": "numerical",
                         "cost-metric": "routingcost"
          },
          "pids" : {
            "srcs" : [ "PID1" ],
            "dsts" : [ "PID1", "PID2", "PID3" ]
          }
        }
        """;

    /// <summary>§11.3.2.7, the response. As printed, unchanged (numerical/routingcost, and the RFC's
    /// deeper indent and double spaces in the "PID1" row).</summary>
    public const string FilteredCostMapResponse = """
        {
          "meta" : {
            "dependent-vtags" : [
              {"resource-id": "my-default-network-map",
               "tag": "75ed013b3cb58f896e839582504f622838ce670f"
              }
            ],
            "cost-type": {"cost-mode" : "numerical",
                          "cost-metric" : "routingcost"
            }
          },
          "cost-map" : {
               "PID1": { "PID1": 0,  "PID2": 1,  "PID3": 2 }
          }
        }
        """;

    /// <summary>
    /// §11.4.1.7, the request (POST /endpointprop/lookup).
    /// FIX: the RFC asks for "my-default-networkmap.pid" but answers with "my-default-network-map.pid".
    /// The resource-specific property is the resource id plus ".pid" (§10.8.1), and the network map's
    /// id is "my-default-network-map" (§9.2.3, whose "prop-types" lists
    /// "my-default-network-map.pid"). So the request asks for "my-default-network-map.pid" here.
    /// Everything else is as printed.
    /// </summary>
    public const string EndpointPropertyRequest = """
        {
          "properties" : [ "my-default-network-map.pid",
                           "priv:ietf-example-prop" ],
          "endpoints"  : [ "ipv4:192.0.2.34",
                           "ipv4:203.0.113.129" ]
        }
        """;

    /// <summary>§11.4.1.7, the response. As printed, unchanged.</summary>
    public const string EndpointPropertyResponse = """
        {
          "meta" : {
            "dependent-vtags" : [
              {"resource-id": "my-default-network-map",
               "tag": "7915dc0290c2705481c491a2b4ffbec482b3cf62"
              }
            ]
          },
          "endpoint-properties": {
            "ipv4:192.0.2.34"    : { "my-default-network-map.pid": "PID1",
                                     "priv:ietf-example-prop": "1" },
            "ipv4:203.0.113.129" : { "my-default-network-map.pid": "PID3" }
          }
        }
        """;

    /// <summary>§11.5.1.7, the request (POST /endpointcost/lookup). As printed, unchanged.</summary>
    public const string EndpointCostRequest = """
        {
          "cost-type": {"cost-mode" : "ordinal",
                        "cost-metric" : "routingcost"},
          "endpoints" : {
            "srcs": [ "ipv4:192.0.2.2" ],
            "dsts": [
              "ipv4:192.0.2.89",
              "ipv4:198.51.100.34",
              "ipv4:203.0.113.45"
            ]
          }
        }
        """;

    /// <summary>§11.5.1.7, the response. As printed, unchanged.</summary>
    public const string EndpointCostResponse = """
        {
          "meta" : {
            "cost-type": {"cost-mode" : "ordinal",
                          "cost-metric" : "routingcost"
            }
          },
          "endpoint-cost-map" : {
            "ipv4:192.0.2.2": {
              "ipv4:192.0.2.89"    : 1,
              "ipv4:198.51.100.34" : 2,
              "ipv4:203.0.113.45"  : 3
            }
          }
        }
        """;
}
