using System.Net;

namespace AltoGateway.Nat.PeerIds;

/// <summary>
/// The answer of <see cref="PeerIdIssuer.Resolve(ReadOnlySpan{char})"/>: for
/// <see cref="PeerIdResolutionKind.Subscriber"/>, the subscriber's internal address and until when the
/// peer ID resolves; otherwise only the kind.
/// </summary>
public readonly record struct PeerIdResolution(PeerIdResolutionKind Kind, IPAddress? Subscriber, DateTimeOffset ExpiresAt)
{
    internal static PeerIdResolution Of(PeerIdResolutionKind kind) => new(kind, null, default);
}
