using System.Text.Json.Nodes;

namespace AltoGateway.Tests.SharedAlto;

/// <summary>
/// The fake's maps and ECS/EPS answers (RFC 7285 §11), built from its settings and bent by the
/// behaviour: endpoints it cannot place dropped, keys spelled non-canonically, vtags left out.
/// Requests are read loosely (JsonNode): the fake is not the code under test.
/// </summary>
internal sealed class FakeAltoUpstreamAnswers(FakeAltoUpstreamNetwork network)
{
    private FakeAltoUpstreamSettings Settings => network.Settings;

    private JsonObject Vtag => new() { ["resource-id"] = Settings.NetworkMapId, ["tag"] = Settings.VtagTag };

    public JsonObject NetworkMap(FakeUpstreamBehaviour behaviour)
    {
        var map = new JsonObject();
        foreach (var (pid, prefixes) in Settings.NetworkMap)
        {
            var group = new JsonObject();
            foreach (var family in prefixes.GroupBy(p => p.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4"))
            {
                group[family.Key] = new JsonArray(family.Select(p => (JsonNode)p).ToArray());
            }

            map[pid] = group;
        }

        return new JsonObject { ["meta"] = behaviour.MissingVtag ? new JsonObject() : new JsonObject { ["vtag"] = Vtag }, ["network-map"] = map };
    }

    public JsonObject? CostMap(string costTypeName, FakeUpstreamBehaviour behaviour)
    {
        var ordinal = costTypeName == FakeAltoUpstreamDirectories.OrdinalName;
        if (!ordinal && costTypeName != FakeAltoUpstreamDirectories.NumericalName)
        {
            return null;
        }

        var meta = new JsonObject { ["cost-type"] = CostType(ordinal) };
        if (!behaviour.MissingVtag)
        {
            meta["dependent-vtags"] = new JsonArray(Vtag);
        }

        return new JsonObject { ["meta"] = meta, ["cost-map"] = Matrix(network.CostMap(ordinal)) };
    }

    /// <summary>§11.5.1: ECS cost = table[pid(src)][pid(dst)] (or its rank); null when an address does not parse.</summary>
    public JsonObject? EndpointCost(JsonNode request, FakeUpstreamBehaviour behaviour)
    {
        var ordinal = (string?)request["cost-type"]?["cost-mode"] == "ordinal";
        var srcs = Strings(request["endpoints"]?["srcs"]);
        var dsts = Strings(request["endpoints"]?["dsts"]);
        if (!TryPlace(srcs, behaviour, out var placedSrcs) || !TryPlace(dsts, behaviour, out var placedDsts))
        {
            return null;
        }

        var answer = new JsonObject();
        foreach (var (src, srcPid) in placedSrcs)
        {
            var row = new JsonObject();
            foreach (var (dst, dstPid) in placedDsts)
            {
                row[Key(dst, behaviour)] = network.Cost(srcPid, dstPid, ordinal);
            }

            answer[Key(src, behaviour)] = row;
        }

        if (behaviour.UnrequestedEndpoint is { } extra && placedDsts.Count > 0)
        {
            answer[extra] = new JsonObject { [Key(placedDsts[0].Address, behaviour)] = 1 };
        }

        return new JsonObject { ["meta"] = new JsonObject { ["cost-type"] = CostType(ordinal) }, ["endpoint-cost-map"] = answer };
    }

    /// <summary>§11.4.1: "pid" and "&lt;map-id&gt;.pid" per endpoint; other properties are left out; null when an address does not parse.</summary>
    public JsonObject? EndpointProperties(JsonNode request, FakeUpstreamBehaviour behaviour)
    {
        var properties = Strings(request["properties"]);
        if (!TryPlace(Strings(request["endpoints"]), behaviour, out var placed))
        {
            return null;
        }

        var answer = new JsonObject();
        foreach (var (endpoint, pid) in placed)
        {
            var values = new JsonObject();
            foreach (var property in properties.Where(p => p == "pid" || p == Settings.NetworkMapId + ".pid"))
            {
                values[property] = pid;
            }

            answer[Key(endpoint, behaviour)] = values;
        }

        if (behaviour.UnrequestedEndpoint is { } extra)
        {
            answer[extra] = new JsonObject { ["pid"] = "world" };
        }

        var meta = behaviour.MissingVtag ? new JsonObject() : new JsonObject { ["dependent-vtags"] = new JsonArray(Vtag) };
        return new JsonObject { ["meta"] = meta, ["endpoint-properties"] = answer };
    }

    private bool TryPlace(List<string> addresses, FakeUpstreamBehaviour behaviour, out List<(string Address, string Pid)> placed)
    {
        placed = [];
        foreach (var address in addresses)
        {
            if (network.PidOf(address) is not { } pid)
            {
                return false;
            }

            if (!behaviour.DropUnknownEndpoints || network.CanPlace(pid))
            {
                placed.Add((address, pid));
            }
        }

        return true;
    }

    private static string Key(string address, FakeUpstreamBehaviour behaviour) =>
        behaviour.NonCanonicalKeys ? FakeAltoUpstreamNetwork.NonCanonicalKey(address) : address;

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => (string?)n ?? "").ToList() : [];

    private static JsonObject CostType(bool ordinal) =>
        new() { ["cost-mode"] = ordinal ? "ordinal" : "numerical", ["cost-metric"] = "routingcost" };

    private static JsonObject Matrix(Dictionary<string, Dictionary<string, double>> matrix)
    {
        var result = new JsonObject();
        foreach (var (src, row) in matrix)
        {
            var cells = new JsonObject();
            foreach (var (dst, cost) in row)
            {
                cells[dst] = cost;
            }

            result[src] = cells;
        }

        return result;
    }
}
