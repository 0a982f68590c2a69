using System.Net;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// Sends one DNS query to one server and returns the response that belongs to it, or why there is none.
/// Expected failures (timeout, unreachable server, unusable response) are a <see cref="DnsExchangeResult"/>,
/// never an exception; only cancellation by the caller throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IDnsTransport
{
    /// <summary>Sends <paramref name="query"/> to <paramref name="server"/> and waits for its response.</summary>
    ValueTask<DnsExchangeResult> ExchangeAsync(DnsMessage query, IPEndPoint server, CancellationToken cancellationToken);
}
