using AltoGateway.Alto.Addressing;

namespace AltoGateway.Alto.Client;

/// <summary>Limits of an <see cref="AltoClient"/>: how long, how large and how deep it lets a server go.</summary>
public sealed class AltoClientOptions
{
    /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The time one request may take, from sending it to the last byte of the answer (default 5 s).
    /// Running out is a <see cref="AltoClientFailureKind.Timeout"/> failure, not an exception.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest response body read (default 16 MiB); a larger one is <see cref="AltoClientFailureKind.MalformedResponse"/>.</summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// How many levels of delegated sub-IRDs (RFC 7285 §9.2.4) are followed below the root IRD
    /// (default 4; 0 follows none).
    /// </summary>
    public int MaxDirectoryDepth { get; set; } = 4;

    /// <summary>The clock of the request timeout and of HTTP-date Retry-After values (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Which endpoint names ECS and EPS requests may carry: RFC 7285's (the default), or also
    /// AltoGateway's <c>altogwpeer:</c> and <c>altogwipv4port:</c>/<c>altogwipv6port:</c> names
    /// (<see cref="EndpointNameGrammar.Gateway"/>), for a tracker asking AltoGateway's third-party proxy.
    /// </summary>
    public EndpointNameGrammar EndpointNames { get; set; } = EndpointNameGrammar.Rfc7285;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a limit that cannot work (caller misuse).</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxResponseBytes, 0, nameof(MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDirectoryDepth, nameof(MaxDirectoryDepth));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
