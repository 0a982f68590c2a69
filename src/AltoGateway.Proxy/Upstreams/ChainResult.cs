using System.Diagnostics.CodeAnalysis;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>What <see cref="UpstreamChain"/> got: an answer with the upstream that gave it, or the proxy's error.</summary>
public sealed record ChainResult<T>(T? Value, string Upstream, IReadOnlyList<string> Tolerated, ProxyFailure? Failure)
    where T : class
{
    /// <summary>Whether <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Value is not null;
}
