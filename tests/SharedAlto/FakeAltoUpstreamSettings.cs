namespace AltoGateway.Tests.SharedAlto;

/// <summary>
/// What the fake upstream knows: a network map (PID → prefixes) and a numerical routingcost table
/// (source PID → destination PID → cost), so that every answer is predictable by a test:
/// ECS cost = Costs[pid(src)][pid(dst)], ordinal = the dense rank of that cost in the source's row.
/// </summary>
internal sealed class FakeAltoUpstreamSettings
{
    /// <summary>The network map's resource id (and the prefix of the resource-specific "&lt;id&gt;.pid" property).</summary>
    public string NetworkMapId { get; init; } = "fake-network-map";

    /// <summary>PID → "192.0.2.0/24" / "2001:db8:a::/48" prefixes; longest prefix wins.</summary>
    public IReadOnlyDictionary<string, string[]> NetworkMap { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["isp-a"] = ["192.0.2.0/24", "2001:db8:a::/48"],
        ["isp-b"] = ["198.51.100.0/24", "2001:db8:b::/48"],
        ["world"] = ["0.0.0.0/0", "::/0"],
    };

    /// <summary>Source PID → destination PID → numerical routingcost.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Costs { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
        {
            ["isp-a"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["isp-a"] = 1, ["isp-b"] = 5, ["world"] = 20 },
            ["isp-b"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["isp-a"] = 5, ["isp-b"] = 1, ["world"] = 20 },
            ["world"] = new Dictionary<string, double>(StringComparer.Ordinal) { ["isp-a"] = 20, ["isp-b"] = 20, ["world"] = 10 },
        };

    /// <summary>
    /// The PIDs it "can place" when <see cref="FakeUpstreamBehaviour.DropUnknownEndpoints"/> is on;
    /// null means every PID without a default route (0.0.0.0/0 or ::/0).
    /// </summary>
    public IReadOnlyCollection<string>? PlaceablePids { get; init; }

    /// <summary>The tag of the network map's vtag.</summary>
    public string VtagTag { get; init; } = "fake-vtag-1";
}
