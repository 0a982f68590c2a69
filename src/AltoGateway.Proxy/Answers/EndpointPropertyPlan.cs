using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Answers;

/// <summary>
/// One third-party EPS (RFC 7285 §11.4.1) through the proxy: the placed endpoints asked upstream
/// once each, the answer keyed by the tracker's names, and every endpoint without properties
/// reported (<see cref="ProxyReport"/>). Property names pass through unchanged: which ones exist is
/// the upstream's business.
/// </summary>
public sealed class EndpointPropertyPlan
{
    private readonly EndpointPropertyRequest _request;
    private readonly List<EndpointPlacement> _placed;
    private readonly ProxyReport _report = new();

    private EndpointPropertyPlan(EndpointPropertyRequest request, IReadOnlyList<EndpointPlacement> endpoints)
    {
        _request = request;
        foreach (var placement in endpoints)
        {
            _report.Add(placement);
        }

        _placed = endpoints.Where(p => p.IsPlaced).ToList();
        var asked = _placed.Select(p => p.AskAsText).Distinct(StringComparer.Ordinal).ToList();
        UpstreamRequest = asked.Count == 0 ? null : new EndpointPropertyRequest
        {
            Properties = request.Properties,
            Endpoints = asked,
            ExtensionData = ExtensionFields.Copy(request.ExtensionData), // §8.3.7
        };
    }

    /// <summary>The question for the upstream; null when no endpoint could be placed.</summary>
    public EndpointPropertyRequest? UpstreamRequest { get; }

    /// <summary>What the answer will report.</summary>
    public ProxyReport Report => _report;

    /// <summary>Plans the request from the placements of its endpoints.</summary>
    public static EndpointPropertyPlan Create(EndpointPropertyRequest request, IReadOnlyList<EndpointPlacement> endpoints)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoints);
        return new EndpointPropertyPlan(request, endpoints);
    }

    /// <summary>The tracker's answer from the upstream's (null when none was asked), with the report in meta.</summary>
    public EndpointPropertyResponse Assemble(EndpointPropertyResponse? upstream, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(upstreamName);
        ArgumentNullException.ThrowIfNull(tolerated);
        var properties = new UpstreamKeys<Dictionary<string, string>>(upstream?.EndpointProperties);
        var answer = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var placement in _placed)
        {
            if (properties.TryGetValue(placement.AskAsText, out var found))
            {
                answer.TryAdd(placement.Name.Text, new Dictionary<string, string>(found, StringComparer.Ordinal));
            }
            else
            {
                _report.AddUnresolved(placement.Name.Text, UnresolvedReason.UpstreamNoAnswer);
            }
        }

        var meta = new ResponseMeta
        {
            DependentVtags = upstream?.Meta.DependentVtags,
            ExtensionData = ExtensionFields.Copy(upstream?.Meta.ExtensionData),
        };
        _report.WriteInto(meta, UpstreamRequest is null ? UpstreamNames.None : upstreamName, tolerated);
        return new EndpointPropertyResponse { Meta = meta, EndpointProperties = answer, ExtensionData = ExtensionFields.Copy(upstream?.ExtensionData) };
    }
}
