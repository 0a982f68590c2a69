namespace AltoGateway.Tests.SharedAlto;

/// <summary>The Content-Type the fake upstream puts on its answers (and error bodies).</summary>
public enum FakeUpstreamContentType
{
    /// <summary>The exact ALTO media type (RFC 7285 §8.3.3).</summary>
    Alto,

    /// <summary>"application/json", as many real servers send.</summary>
    GenericJson,

    /// <summary>No Content-Type header at all.</summary>
    None,
}

/// <summary>
/// The awkward things real ALTO servers have been seen to do, one switch each. Immutable: the fake
/// swaps a whole behaviour atomically, so a test may change it at any time (<c>upstream.Behaviour = upstream.Behaviour with { … }</c>).
/// </summary>
internal sealed record FakeUpstreamBehaviour
{
    /// <summary>The Content-Type of answers and error bodies.</summary>
    public FakeUpstreamContentType ContentType { get; init; } = FakeUpstreamContentType.Alto;

    /// <summary>IRDs list relative URIs ("networkmap", "sub/directory", "../directory").</summary>
    public bool RelativeUris { get; init; }

    /// <summary>The ECS is not in the root IRD but in a delegated sub-IRD at /sub/directory (as /sub/endpointcost), with cost-type names of its own.</summary>
    public bool DelegateEndpointCostToSubDirectory { get; init; }

    /// <summary>With delegation: the sub-IRD also delegates back to the root IRD (a loop).</summary>
    public bool SubDirectoryLinksBackToRoot { get; init; }

    /// <summary>With delegation: the sub-IRD answers this status with a plain-text body instead.</summary>
    public int? SubDirectoryStatus { get; init; }

    /// <summary>Every POST is answered 400 {"meta":{"code":"E_TOO_MANY_ENDPOINTS"}}.</summary>
    public bool InventedErrorCode { get; init; }

    /// <summary>Every request is answered 500 with nginx's HTML error page.</summary>
    public bool HtmlError500 { get; init; }

    /// <summary>Endpoints outside the PIDs it can place are silently left out of ECS and EPS answers.</summary>
    public bool DropUnknownEndpoints { get; init; }

    /// <summary>ECS and EPS answers are keyed with IPv6 expanded in upper case ("ipv6:2001:0DB8:000A:0000:…"), IPv4 as sent.</summary>
    public bool NonCanonicalKeys { get; init; }

    /// <summary>An extra address, nobody asked for, added to ECS answers (as a source) and EPS answers.</summary>
    public string? UnrequestedEndpoint { get; init; }

    /// <summary>How long to wait before answering (cut short when the client goes away).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Abort the connection instead of answering (<c>HttpContext.Abort()</c>).</summary>
    public bool ResetConnection { get; init; }

    /// <summary>When set, every request is answered 503 with this Retry-After value ("120", or an HTTP-date).</summary>
    public string? Status503RetryAfter { get; init; }

    /// <summary>Network maps without meta.vtag; cost maps and EPS answers without meta.dependent-vtags.</summary>
    public bool MissingVtag { get; init; }

    /// <summary>Answers without Content-Length (chunked), so a client cannot refuse an oversized body up front.</summary>
    public bool Chunked { get; init; }
}
