namespace AltoGateway.Discovery.Resolution;

/// <summary>Settings of <see cref="DnsSocketTransport"/>.</summary>
public sealed class DnsTransportOptions
{
    /// <summary>How long one exchange (UDP and, after TC, TCP together) may take. Default 2 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Unrelated datagrams (wrong ID or question) tolerated before the exchange gives up: a flood of them must not
    /// keep the exchange spinning until the timeout. Default 64.
    /// </summary>
    public int MaxIgnoredDatagrams { get; init; } = 64;

    /// <summary>The clock the timeout runs on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
