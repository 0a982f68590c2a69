using System.Net;

namespace AltoGateway.Nat.Resolution;

/// <summary>
/// The answer of <see cref="SubscriberResolver"/>: the subscriber, or why there is none. The
/// explanation of a found subscriber is only formatted when someone reads <see cref="Reason"/>:
/// the proxy resolves a hundred names per tracker request and reads none of them.
/// </summary>
public readonly struct SubscriberResolution : IEquatable<SubscriberResolution>
{
    private readonly string? _reason;
    private readonly FoundBy _foundBy;
    private readonly IPAddress? _external;
    private readonly ushort _port;

    public SubscriberResolution(ResolutionOutcome outcome, IPAddress? subscriber, ResolutionSource source, string reason)
    {
        Outcome = outcome;
        Subscriber = subscriber;
        Source = source;
        _reason = reason;
    }

    private SubscriberResolution(IPAddress subscriber, ResolutionSource source, FoundBy foundBy, IPAddress external, ushort port)
    {
        Outcome = ResolutionOutcome.Found;
        Subscriber = subscriber;
        Source = source;
        _foundBy = foundBy;
        _external = external;
        _port = port;
    }

    /// <summary>What became of the question.</summary>
    public ResolutionOutcome Outcome { get; }

    /// <summary>The subscriber's internal address when <see cref="Outcome"/> is <see cref="ResolutionOutcome.Found"/>.</summary>
    public IPAddress? Subscriber { get; }

    /// <summary>Which part of the agent knew.</summary>
    public ResolutionSource Source { get; }

    /// <summary>One sentence for the operator: how the subscriber was found, or why not.</summary>
    public string Reason => _foundBy switch
    {
        FoundBy.PortBlock => $"{Endpoint(_external!, _port)} is in the RFC 7422 port block of {Subscriber}",
        FoundBy.Mapping => $"mapping of {Endpoint(_external!, _port)}",
        FoundBy.OnlySubscriber => $"the only subscriber using {_external}",
        _ => _reason ?? string.Empty,
    };

    public static SubscriberResolution Found(IPAddress subscriber, ResolutionSource source, string reason) =>
        new(ResolutionOutcome.Found, subscriber, source, reason);

    public static SubscriberResolution Not(ResolutionOutcome outcome, string reason) => new(outcome, null, ResolutionSource.None, reason);

    public static bool operator ==(SubscriberResolution left, SubscriberResolution right) => left.Equals(right);

    public static bool operator !=(SubscriberResolution left, SubscriberResolution right) => !left.Equals(right);

    /// <summary>Found in an RFC 7422 port block: <paramref name="external"/>:<paramref name="port"/> is in it.</summary>
    internal static SubscriberResolution InPortBlock(IPAddress subscriber, IPAddress external, ushort port) =>
        new(subscriber, ResolutionSource.PortBlock, FoundBy.PortBlock, external, port);

    /// <summary>Found by the NAT map's mapping of <paramref name="external"/>:<paramref name="port"/>.</summary>
    internal static SubscriberResolution ByMapping(IPAddress subscriber, IPAddress external, ushort port) =>
        new(subscriber, ResolutionSource.NatMap, FoundBy.Mapping, external, port);

    /// <summary>Found as the only subscriber using <paramref name="external"/>.</summary>
    internal static SubscriberResolution OnlyOneUsing(IPAddress subscriber, IPAddress external) =>
        new(subscriber, ResolutionSource.NatMap, FoundBy.OnlySubscriber, external, 0);

    public bool Equals(SubscriberResolution other) =>
        Outcome == other.Outcome && Equals(Subscriber, other.Subscriber) && Source == other.Source
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SubscriberResolution other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Outcome, Subscriber, Source, Reason);

    public override string ToString() => $"{Outcome} {Subscriber} ({Source}: {Reason})";

    /// <summary>ADDRESS:PORT, IPv6 in brackets.</summary>
    internal static string Endpoint(IPAddress address, ushort port) => new IPEndPoint(address, port).ToString();

    private enum FoundBy : byte
    {
        Text = 0,
        PortBlock,
        Mapping,
        OnlySubscriber,
    }
}
