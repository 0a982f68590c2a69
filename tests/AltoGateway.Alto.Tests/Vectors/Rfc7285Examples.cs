namespace AltoGateway.Alto.Tests.Vectors;

/// <summary>
/// The examples of RFC 7285, with the defects listed in alto-spec.md §3 fixed (each fix noted).
/// </summary>
internal static class Rfc7285Examples
{
    /// <summary>
    /// §9.2.3. FIX: the RFC prints a stray comma after the "endpoint-property" capabilities
    /// ("... ] },\n }"), which is not JSON; removed.
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
                                      "ord-routing", "ord-hop" ]
              }
            }
          }
        }
        """;

    /// <summary>§11.2.1.7.</summary>
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

    /// <summary>The longest-prefix-match vector of §11.2.1 (alto-spec.md §3).</summary>
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

    /// <summary>§11.2.3.7.</summary>
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

    /// <summary>§11.3.2.7, request.</summary>
    public const string FilteredCostMapRequest = """
        {
          "cost-type" : {"cost-mode" : "ordinal",
                         "cost-metric" : "routingcost"
          },
          "pids" : {
            "srcs" : [ "PID1" ],
            "dsts" : [ "PID1", "PID2", "PID3" ]
          }
        }
        """;

    /// <summary>§11.3.2.7, response.</summary>
    public const string FilteredCostMapResponse = """
        {
          "meta" : {
            "dependent-vtags" : [
              {"resource-id": "my-default-network-map",
               "tag": "75ed013b3cb58f896e839582504f622838ce670f"
              }
            ],
            "cost-type": {"cost-mode"  : "ordinal",
                          "cost-metric": "routingcost"
            }
          },
          "cost-map" : {
            "PID1": { "PID1": 0, "PID2": 1, "PID3": 2 }
          }
        }
        """;

    /// <summary>
    /// §11.4.1.7, request. FIX: the RFC asks for "my-default-networkmap.pid" but answers with
    /// "my-default-network-map.pid" (the resource id of §9.2.3); the request uses the latter.
    /// </summary>
    public const string EndpointPropertyRequest = """
        {
          "properties" : [ "my-default-network-map.pid",
                           "priv:ietf-example-prop" ],
          "endpoints" : [ "ipv4:192.0.2.34", "ipv4:203.0.113.129" ]
        }
        """;

    /// <summary>§11.4.1.7, response.</summary>
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

    /// <summary>§11.5.1.7, request.</summary>
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

    /// <summary>§11.5.1.7, response.</summary>
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
