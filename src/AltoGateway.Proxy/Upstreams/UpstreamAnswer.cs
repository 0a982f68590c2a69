using System.Diagnostics.CodeAnalysis;

namespace AltoGateway.Proxy.Upstreams;

/// <summary>An upstream's answer, or why there is none; with what was tolerated on the way.</summary>
public sealed record UpstreamAnswer<T>
    where T : class
{
    /// <summary>An answer.</summary>
    public UpstreamAnswer(T value, IReadOnlyList<string>? tolerated = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Tolerated = tolerated ?? [];
    }

    /// <summary>No answer.</summary>
    public UpstreamAnswer(UpstreamFailure failure, IReadOnlyList<string>? tolerated = null)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failure = failure;
        Tolerated = tolerated ?? [];
    }

    /// <summary>The answer.</summary>
    public T? Value { get; }

    /// <summary>Why there is no answer.</summary>
    public UpstreamFailure? Failure { get; }

    /// <summary>Deviations from RFC 7285 the client overlooked ("kind: detail").</summary>
    public IReadOnlyList<string> Tolerated { get; }

    /// <summary>Whether <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Value is not null;
}
