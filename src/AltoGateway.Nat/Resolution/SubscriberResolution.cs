using System.Net;

namespace AltoGateway.Nat.Resolution;

/// <summary>The answer of <see cref="SubscriberResolver"/>: the subscriber, or why there is none.</summary>
public readonly record struct SubscriberResolution(ResolutionOutcome Outcome, IPAddress? Subscriber, ResolutionSource Source, string Reason)
{
    public static SubscriberResolution Found(IPAddress subscriber, ResolutionSource source, string reason) =>
        new(ResolutionOutcome.Found, subscriber, source, reason);

    public static SubscriberResolution Not(ResolutionOutcome outcome, string reason) => new(outcome, null, ResolutionSource.None, reason);
}
