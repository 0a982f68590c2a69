using System.Diagnostics.Metrics;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;
using AltoGateway.Dhcp.V6;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The DHCP numbers for /metrics: messages received by version and type, replies sent by version and type,
/// and messages dropped by reason. DHCP traffic is a few messages per client and minute, so plain counters do.
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

    private readonly Counter<long> _messages;
    private readonly Counter<long> _replies;
    private readonly Counter<long> _dropped;

    public DhcpMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("altogw.dhcp.messages", description: "DHCP messages received and read, by version and type");
        _replies = meter.CreateCounter<long>("altogw.dhcp.replies", description: "DHCP replies sent, by version and type");
        _dropped = meter.CreateCounter<long>("altogw.dhcp.dropped", description: "DHCP messages not answered, by reason");
    }

    public void Received(string version, string type) =>
        _messages.Add(1, new KeyValuePair<string, object?>("version", version), new KeyValuePair<string, object?>("type", type));

    public void Replied(string version, string type) =>
        _replies.Add(1, new KeyValuePair<string, object?>("version", version), new KeyValuePair<string, object?>("type", type));

    public void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>The type label of a DHCPv4 message: discover … inform, "bootp" without option 53, "unknown" for other values.</summary>
    public static string TypeName(DhcpV4MessageType? type) => type switch
    {
        null => "bootp",
        { } known when Enum.IsDefined(known) => known.ToString().ToLowerInvariant(),
        _ => "unknown",
    };

    /// <summary>The type label of a DHCPv6 message: solicit, information-request, relay-forw, …</summary>
    public static string TypeName(DhcpV6MessageType type) => type switch
    {
        DhcpV6MessageType.InformationRequest => "information-request",
        DhcpV6MessageType.RelayForward => "relay-forw",
        DhcpV6MessageType.RelayReply => "relay-repl",
        _ when Enum.IsDefined(type) => type.ToString().ToLowerInvariant(),
        _ => "unknown",
    };

    /// <summary>The reason label of a responder's decision.</summary>
    public static string ReasonName(DhcpIgnoreReason reason) => Kebab(reason.ToString());

    /// <summary>The reason label of a codec error: "truncated-header", "bad-magic-cookie", …</summary>
    public static string ReasonName(DhcpV4ReadError error) => Kebab(error.ToString());

    /// <inheritdoc cref="ReasonName(DhcpV4ReadError)"/>
    public static string ReasonName(DhcpV6ReadError error) => Kebab(error.ToString());

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
}
