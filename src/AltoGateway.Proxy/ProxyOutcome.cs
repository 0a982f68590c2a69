using System.Diagnostics.CodeAnalysis;
using AltoGateway.Proxy.Answers;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy;

/// <summary>The proxy's answer for the tracker, or its error; with the report and the upstream that answered.</summary>
public sealed record ProxyOutcome<T>(T? Answer, ProxyFailure? Failure, string Upstream, ProxyReport Report)
    where T : class
{
    /// <summary>Whether <see cref="Answer"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Answer))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Answer is not null;
}
