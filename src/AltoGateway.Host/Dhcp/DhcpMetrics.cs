using System.Diagnostics.Metrics;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;
using AltoGateway.Host.Hardware;
using AltoGateway.Host.Metrics;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The DHCP numbers for /metrics: messages received by version and type, replies sent by version and type,
/// and messages dropped by reason. DHCP traffic is a few messages per client and minute, so plain counters do.
/// Server mode adds the leases bound and the pool size per interface (gauges) and pool exhaustion (a counter).
/// Every reply sent flashes the activity LED (<see cref="AltoGateway.Hardware.Leds.LedActivity.Pulse"/>).
/// </summary>
internal sealed class DhcpMetrics
{
    public const string MeterName = "AltoGateway.Dhcp";

    // Drop reasons besides the codecs' read errors (kebab-cased, e.g. "option-length-past-end").
    public const string WanInterface = "wan-interface";
    public const string RateLimited = "rate-limited";
    public const string WrongInterface = "wrong-interface";
    public const string NoServerAddress = "no-server-address";
    public const string TooLarge = "too-large";
    public const string SendFailed = "send-failed";
    public const string DatagramTooLong = "datagram-too-long";

    // The direction label of altogw.dhcp.relayed.
    public const string ToServer = "to-server";
    public const string ToClient = "to-client";
    public const string JournalFailed = "journal-failed";

    private readonly LabelPairCounts _messages = new("version", "type");
    private readonly LabelPairCounts _replies = new("version", "type");
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _relayed;
    private readonly Counter<long> _poolExhausted;
    private readonly Counter<long> _optionsLeftOut;
    private readonly Meter _meter;
    private readonly StatusLedHardware _leds;

    public DhcpMetrics(IMeterFactory meterFactory, StatusLedHardware leds)
    {
        var meter = meterFactory.Create(MeterName);
        _meter = meter;
        _leds = leds;
        _optionsLeftOut = meter.CreateCounter<long>("altogw.dhcp.options_left_out", description: "Options left out of DHCPv4 replies to fit the client's maximum message size (RFC 2132 §9.10)");
        _poolExhausted = meter.CreateCounter<long>("altogw.dhcp.pool_exhausted", description: "DHCPDISCOVERs not offered an address: the pool is exhausted, by interface");
        meter.CreateObservableCounter("altogw.dhcp.messages", _messages.Observe, description: "DHCP messages received and read, by version and type");
        meter.CreateObservableCounter("altogw.dhcp.replies", _replies.Observe, description: "DHCP replies sent, by version and type");
        _dropped = meter.CreateCounter<long>("altogw.dhcp.dropped", description: "DHCP messages not answered, by reason");
        _relayed = meter.CreateCounter<long>("altogw.dhcp.relayed", description: "DHCPv4 messages relayed, by direction (to-server, to-client) and type");
    }

    /// <summary>A message read; <paramref name="type"/> is a <see cref="TypeName(DhcpV4MessageType?)"/> label (the same instance every time: the fast path).</summary>
    public void Received(string version, string type) => _messages.Increment(version, type);

    /// <summary>A reply sent; flashes the activity LED.</summary>
    public void Replied(string version, string type)
    {
        _replies.Increment(version, type);
        _leds.Activity.Pulse();
    }

    /// <summary>Options left out of a reply so that it fits the client's maximum message size.</summary>
    public void OptionsLeftOut(int count) => _optionsLeftOut.Add(count);

    public void PoolExhausted(string @interface) => _poolExhausted.Add(1, new KeyValuePair<string, object?>("interface", @interface));

    /// <summary>Server mode: the gauges of leases bound and pool size, per interface, read from <paramref name="leases"/> at each scrape.</summary>
    public void ObserveLeases(Func<IEnumerable<(string Interface, int Bound, int PoolSize)>> leases)
    {
        _meter.CreateObservableGauge("altogw.dhcp.leases.bound",
            () => leases().Select(l => new Measurement<int>(l.Bound, new KeyValuePair<string, object?>("interface", l.Interface))),
            description: "DHCPv4 server leases bound now, by interface");
        _meter.CreateObservableGauge("altogw.dhcp.pool.size",
            () => leases().Select(l => new Measurement<int>(l.PoolSize, new KeyValuePair<string, object?>("interface", l.Interface))),
            description: "Addresses the DHCPv4 server can hand out (ranges and reservations), by interface");
    }

    /// <summary>Relay mode: a message relayed, <see cref="ToServer"/> (a client's request) or <see cref="ToClient"/> (a server's reply).</summary>
    public void Relayed(string direction, string type) =>
        _relayed.Add(1, new KeyValuePair<string, object?>("direction", direction), new KeyValuePair<string, object?>("type", type));

    public void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The type label of a DHCPv4 message: discover … inform, "bootp" without option 53, "unknown" for other values.</summary>
    public static string TypeName(DhcpV4MessageType? type) => type is { } known ? V4TypeNames[(byte)known] : "bootp";

    /// <summary>The type label of a DHCPv6 message: solicit, information-request, relay-forw, …</summary>
    public static string TypeName(DhcpV6MessageType type) => V6TypeNames[(byte)type];

    /// <summary>The reason label of a responder's decision.</summary>
    public static string ReasonName(DhcpIgnoreReason reason) =>
        InRange(IgnoreReasonLabels, (int)reason) ? IgnoreReasonLabels[(int)reason] ??= Kebab(reason.ToString()) : Kebab(reason.ToString());

    /// <summary>The reason label of a relay drop: "too-many-hops", "untrusted-relay-agent-information", "unknown-server", …</summary>
    public static string ReasonName(AltoGateway.Dhcp.Relay.DhcpV4RelayDropReason reason) =>
        InRange(RelayDropLabels, (int)reason) ? RelayDropLabels[(int)reason] ??= Kebab(reason.ToString()) : Kebab(reason.ToString());

    /// <summary>The reason label of a codec error: "truncated-header", "bad-magic-cookie", …</summary>
    public static string ReasonName(DhcpV4ReadError error) =>
        InRange(V4ReadErrorLabels, (int)error) ? V4ReadErrorLabels[(int)error] ??= Kebab(error.ToString()) : Kebab(error.ToString());

    /// <inheritdoc cref="ReasonName(DhcpV4ReadError)"/>
    public static string ReasonName(DhcpV6ReadError error) =>
        InRange(V6ReadErrorLabels, (int)error) ? V6ReadErrorLabels[(int)error] ??= Kebab(error.ToString()) : Kebab(error.ToString());

    // Labels are made once: a message is counted under two or three of them, tens of thousands of times a second.
    private static readonly string[] V4TypeNames = [.. Enumerable.Range(0, 256).Select(value => (DhcpV4MessageType)value)
        .Select(type => Enum.IsDefined(type) ? type.ToString().ToLowerInvariant() : "unknown")];

    private static readonly string[] V6TypeNames = [.. Enumerable.Range(0, 256).Select(value => (DhcpV6MessageType)value).Select(type => type switch
    {
        DhcpV6MessageType.InformationRequest => "information-request",
        DhcpV6MessageType.RelayForward => "relay-forw",
        DhcpV6MessageType.RelayReply => "relay-repl",
        _ when Enum.IsDefined(type) => type.ToString().ToLowerInvariant(),
        _ => "unknown",
    })];

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    // Reason labels, made at first use, by value (every reason enum counts from 0 with a few dozen values at most).
    private static readonly string?[] IgnoreReasonLabels = new string?[64];
    private static readonly string?[] RelayDropLabels = new string?[64];
    private static readonly string?[] V4ReadErrorLabels = new string?[64];
    private static readonly string?[] V6ReadErrorLabels = new string?[64];

    // A race makes the same label twice, harmlessly.
    private static bool InRange(string?[] labels, int index) => (uint)index < (uint)labels.Length;
}
