using System.Diagnostics.CodeAnalysis;
using AltoGateway.Discovery.Dns;

namespace AltoGateway.Discovery.Resolution;

/// <summary>
/// What one DNS exchange produced: the response that matched the query (ID and question, RFC 5452 §9.1) with
/// its wire form, or a <see cref="DnsTransportFailure"/> and a human-readable detail. Datagrams that did not
/// match were not accepted and are only counted.
/// </summary>
public sealed record DnsExchangeResult
{
    private DnsExchangeResult(DnsMessage? response, ReadOnlyMemory<byte> wire, DnsTransportFailure failure, string detail)
    {
        Response = response;
        Wire = wire;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>The response, or null on failure.</summary>
    public DnsMessage? Response { get; }

    /// <summary>The response as received (without the TCP length prefix).</summary>
    public ReadOnlyMemory<byte> Wire { get; }

    /// <summary>Why there is no response; <see cref="DnsTransportFailure.None"/> when there is one.</summary>
    public DnsTransportFailure Failure { get; }

    /// <summary>What went wrong, for a log line or a trace ("connection refused"); empty on success.</summary>
    public string Detail { get; }

    /// <summary>True when the response came over TCP after a truncated UDP answer (RFC 1035 §4.2.2, RFC 7766 §5).</summary>
    public bool OverTcp { get; init; }

    /// <summary>Datagrams received for this exchange that were not its response (wrong ID, wrong question, unreadable).</summary>
    public int IgnoredDatagrams { get; init; }

    /// <summary>True when there is a response.</summary>
    [MemberNotNullWhen(true, nameof(Response))]
    public bool Succeeded => Response is not null;

    /// <summary>A response.</summary>
    public static DnsExchangeResult Success(DnsMessage response, ReadOnlyMemory<byte> wire) =>
        new(response ?? throw new ArgumentNullException(nameof(response)), wire, DnsTransportFailure.None, string.Empty);

    /// <summary>No response, and why.</summary>
    public static DnsExchangeResult Failed(DnsTransportFailure failure, string detail)
    {
        if (failure == DnsTransportFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), "A failure needs a reason.");
        }

        return new(null, ReadOnlyMemory<byte>.Empty, failure, detail ?? string.Empty);
    }
}
