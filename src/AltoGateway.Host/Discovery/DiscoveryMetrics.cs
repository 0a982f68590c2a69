using System.Diagnostics.Metrics;
using AltoGateway.Discovery.Responder;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// The responder's numbers for /metrics: queries answered by transport and RCODE, messages dropped by
/// reason, malformed messages by transport, UDP answers truncated, and TCP connections. Counted per query
/// without a lock or an allocation (one stripe of counters per processor, summed at scrape time), as the
/// NAT lookups are.
/// </summary>
internal sealed class DiscoveryMetrics
{
    public const string MeterName = "AltoGateway.Discovery";

    private static readonly string[] Transports = ["udp", "tcp"];
    private static readonly ResponseCode[] Rcodes = Enum.GetValues<ResponseCode>();
    private static readonly string[] DropReasons = ["too-short", "response", "tcp-zero-length"];

    // Counter positions inside a stripe.
    private static readonly int DropBase = Transports.Length * Rcodes.Length;
    private static readonly int MalformedBase = DropBase + DropReasons.Length;
    private static readonly int TruncatedIndex = MalformedBase + Transports.Length;
    private static readonly int RefusedConnectionsIndex = TruncatedIndex + 1;
    private static readonly int StripeWidth = (RefusedConnectionsIndex + 1 + 7) / 8 * 8;

    private readonly long[] _counts = new long[Environment.ProcessorCount * StripeWidth];
    private long _openConnections;

    public DiscoveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("altogw.dns.queries", Queries, description: "DNS queries answered by the discovery responder, by transport and RCODE");
        meter.CreateObservableCounter("altogw.dns.dropped", () => Labelled(DropBase, DropReasons, "reason"), description: "DNS messages not answered, by reason");
        meter.CreateObservableCounter("altogw.dns.malformed", () => Labelled(MalformedBase, Transports, "transport"), description: "Malformed DNS messages (answered FORMERR or dropped), by transport");
        meter.CreateObservableCounter("altogw.dns.truncated", () => Sum(TruncatedIndex), description: "UDP answers sent truncated (TC) because they exceeded the allowed size");
        meter.CreateObservableCounter("altogw.dns.tcp.refused", () => Sum(RefusedConnectionsIndex), description: "DNS TCP connections closed at once because the connection limit was reached");
        meter.CreateObservableGauge("altogw.dns.tcp.connections", () => Interlocked.Read(ref _openConnections), description: "DNS TCP connections open");
    }

    /// <summary>The RCODE label: noerror, formerr, nxdomain, notimp, refused, badvers.</summary>
    public static string RcodeName(ResponseCode rcode) => rcode.ToString().ToLowerInvariant();

    /// <summary>Counts what the answerer did with one message.</summary>
    public void Count(DnsTransport transport, ResponderOutcome outcome)
    {
        var stripe = Stripe();
        if (outcome.Dropped)
        {
            Increment(stripe, DropBase + (outcome.Drop == ResponderDropReason.TooShort ? 0 : 1));
        }
        else
        {
            Increment(stripe, ((int)transport * Rcodes.Length) + Array.IndexOf(Rcodes, outcome.Rcode));
            if (outcome.Truncated)
            {
                Increment(stripe, TruncatedIndex);
            }
        }

        if (outcome.Malformed)
        {
            Increment(stripe, MalformedBase + (int)transport);
        }
    }

    /// <summary>A TCP frame of length 0: no message at all (RFC 1035 §4.2.2 frames a message).</summary>
    public void ZeroLengthFrame()
    {
        var stripe = Stripe();
        Increment(stripe, DropBase + 2);
        Increment(stripe, MalformedBase + (int)DnsTransport.Tcp);
    }

    public void ConnectionRefused() => Increment(Stripe(), RefusedConnectionsIndex);

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

    /// <summary>Malformed messages since start, over both transports.</summary>
    public long Malformed => Sum(MalformedBase) + Sum(MalformedBase + 1);

    private static int Stripe() => (Thread.GetCurrentProcessorId() % Environment.ProcessorCount) * StripeWidth;

    private void Increment(int stripe, int index) => Interlocked.Increment(ref _counts[stripe + index]);

    private long Sum(int index)
    {
        long total = 0;
        for (var stripe = 0; stripe < _counts.Length; stripe += StripeWidth)
        {
            total += Interlocked.Read(ref _counts[stripe + index]);
        }

        return total;
    }

    private IEnumerable<Measurement<long>> Queries()
    {
        for (var transport = 0; transport < Transports.Length; transport++)
        {
            for (var rcode = 0; rcode < Rcodes.Length; rcode++)
            {
                var count = Sum((transport * Rcodes.Length) + rcode);
                if (count > 0)
                {
                    yield return new Measurement<long>(count,
                        new KeyValuePair<string, object?>("transport", Transports[transport]),
                        new KeyValuePair<string, object?>("rcode", RcodeName(Rcodes[rcode])));
                }
            }
        }
    }

    private IEnumerable<Measurement<long>> Labelled(int first, string[] labels, string name)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            var count = Sum(first + i);
            if (count > 0)
            {
                yield return new Measurement<long>(count, new KeyValuePair<string, object?>(name, labels[i]));
            }
        }
    }
}
