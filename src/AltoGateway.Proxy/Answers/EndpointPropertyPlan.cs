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

    /// <summary>The placed endpoints, the first for each address asked, in the order asked (RFC 8686 §4.3: one lookup per address).</summary>
    public IReadOnlyList<EndpointPlacement> AskedPlacements()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return _placed.Where(p => seen.Add(p.AskAsText)).ToList();
    }

    /// <summary>The tracker's names of the endpoints asked as <paramref name="askedText"/>.</summary>
    public IEnumerable<string> EndpointNames(string askedText) =>
        _placed.Where(p => p.AskAsText == askedText).Select(p => p.Name.Text);

    /// <summary>The question about some of the asked addresses (<paramref name="askedTexts"/>, not empty), for the upstream responsible for them.</summary>
    public EndpointPropertyRequest Part(IReadOnlyList<string> askedTexts)
    {
        ArgumentNullException.ThrowIfNull(askedTexts);
        ArgumentOutOfRangeException.ThrowIfZero(askedTexts.Count);
        return new EndpointPropertyRequest
        {
            Properties = _request.Properties,
            Endpoints = [.. askedTexts],
            ExtensionData = ExtensionFields.Copy(_request.ExtensionData), // §8.3.7
        };
    }

    /// <summary>
    /// The tracker's answer from the answers to the parts (null where nobody answered): their endpoints together,
    /// their dependent vtags together, the first one's extension fields winning a clash.
    /// </summary>
    public EndpointPropertyResponse AssembleParts(IReadOnlyList<EndpointPropertyResponse?> answers, string upstreamName, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var merged = new EndpointPropertyResponse { Meta = new ResponseMeta() };
        foreach (var answer in answers)
        {
            if (answer is null)
            {
                continue;
            }

            foreach (var (endpoint, properties) in answer.EndpointProperties)
            {
                merged.EndpointProperties.TryAdd(endpoint, properties);
            }

            if (answer.Meta.DependentVtags is { } vtags)
            {
                (merged.Meta.DependentVtags ??= []).AddRange(vtags.Where(v => !merged.Meta.DependentVtags.Contains(v)));
            }

            foreach (var (field, value) in answer.Meta.ExtensionData ?? new Dictionary<string, System.Text.Json.JsonElement>())
            {
                (merged.Meta.ExtensionData ??= new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal)).TryAdd(field, value);
            }
        }

        return Assemble(merged, upstreamName, tolerated);
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
