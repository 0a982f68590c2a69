using System.Net;

namespace AltoGateway.Nat.Map;

/// <summary>
/// Who uses a public address: nobody, exactly one subscriber (named), or several (then a port or a
/// peer ID is needed to tell them apart).
/// </summary>
public readonly record struct SubscribersBehind(int Count, IPAddress? OnlySubscriber);
