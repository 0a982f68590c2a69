using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using AltoGateway.Alto.Messages;
using AltoGateway.Proxy.Placement;
using AltoGateway.Proxy.Upstreams;

namespace AltoGateway.Proxy.Answers;

/// <summary>
/// What the proxy tells the tracker beyond the costs, as extension fields of the answer's "meta"
/// (RFC 7285 §8.3.7: clients ignore fields they do not know, so a plain ALTO client is unaffected):
/// <list type="bullet">
/// <item><c>altogw-unresolved</c>: name → {"reason": code, "explanation": text} for every endpoint
/// the answer has nothing for — never silently missing;</item>
/// <item><c>altogw-approximate</c>: name → text, for endpoints ranked by a shared public address;</item>
/// <item><c>altogw-upstream</c>: which ALTO server answered ("built-in", an IRD URI, or "none" when
/// nothing needed asking);</item>
/// <item><c>altogw-upstream-tolerated</c>: what the proxy overlooked in the upstream's answer;</item>
/// <item><c>altogw-upstream-by-source</c> (ECS) and <c>altogw-upstream-by-endpoint</c> (EPS): name → upstream, when
/// the request was split among several upstreams (RFC 8686 §4.3–4.4); <c>altogw-upstream</c> then says "several".</item>
/// </list>
/// </summary>
public sealed class ProxyReport
{
    /// <summary>The field names.</summary>
    public const string UnresolvedField = "altogw-unresolved";

    /// <inheritdoc cref="UnresolvedField"/>
    public const string ApproximateField = "altogw-approximate";

    /// <inheritdoc cref="UnresolvedField"/>
    public const string UpstreamField = "altogw-upstream";

    /// <inheritdoc cref="UnresolvedField"/>
    public const string ToleratedField = "altogw-upstream-tolerated";

    /// <inheritdoc cref="UnresolvedField"/>
    public const string UpstreamBySourceField = "altogw-upstream-by-source";

    /// <inheritdoc cref="UnresolvedField"/>
    public const string UpstreamByEndpointField = "altogw-upstream-by-endpoint";

    /// <summary>The few upstream names as JSON values, made once (every answer carries one).</summary>
    private static readonly ConcurrentDictionary<string, JsonElement> UpstreamElements = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, UnresolvedReason> NoUnresolved = [];
    private static readonly Dictionary<string, string> NoApproximation = [];

    // Made when the first entry comes: most answers have none.
    private Dictionary<string, UnresolvedReason>? _unresolved;
    private Dictionary<string, string>? _approximate;
    private Dictionary<string, string>? _upstreamByName;
    private string? _upstreamByNameField;

    /// <summary>Endpoints without an answer, by the tracker's name.</summary>
    public IReadOnlyDictionary<string, UnresolvedReason> Unresolved => _unresolved ?? NoUnresolved;

    /// <summary>Endpoints ranked by a shared public address.</summary>
    public IReadOnlyDictionary<string, string> Approximate => _approximate ?? NoApproximation;

    /// <summary>Which upstream answered each source (ECS) or endpoint (EPS) of a split request, by the tracker's name; empty when not split.</summary>
    public IReadOnlyDictionary<string, string> UpstreamByName => _upstreamByName ?? NoApproximation;

    /// <summary>
    /// Notes that <paramref name="upstream"/> answered for <paramref name="name"/> of a split request (the first note
    /// for a name wins); <paramref name="field"/> is <see cref="UpstreamBySourceField"/> or <see cref="UpstreamByEndpointField"/>.
    /// </summary>
    public void AddUpstreamFor(string field, string name, string upstream)
    {
        ArgumentNullException.ThrowIfNull(field);
        _upstreamByNameField = field;
        (_upstreamByName ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd(name, upstream);
    }

    /// <summary>Notes an endpoint without an answer (the first reason given for a name wins).</summary>
    public void AddUnresolved(string name, UnresolvedReason reason) =>
        (_unresolved ??= new Dictionary<string, UnresolvedReason>(StringComparer.Ordinal)).TryAdd(name, reason);

    /// <summary>Notes the placement's unresolved reason or approximation, if any.</summary>
    public void Add(EndpointPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.Unresolved is { } reason)
        {
            AddUnresolved(placement.Name.Text, reason);
        }
        else if (placement.Approximation is { } text)
        {
            (_approximate ??= new Dictionary<string, string>(StringComparer.Ordinal)).TryAdd(placement.Name.Text, text);
        }
    }

    /// <summary>Writes the report into <paramref name="meta"/>'s extension fields, next to any the upstream sent.</summary>
    public void WriteInto(ResponseMeta meta, string upstream, IReadOnlyList<string> tolerated)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(tolerated);
        var fields = meta.ExtensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        fields[UpstreamField] = UpstreamElements.GetOrAdd(upstream, static name => Element(w => w.WriteStringValue(name)));
        if (_unresolved is { Count: > 0 })
        {
            fields[UnresolvedField] = Element(w =>
            {
                w.WriteStartObject();
                foreach (var (name, reason) in _unresolved)
                {
                    w.WriteStartObject(name);
                    w.WriteString("reason", UnresolvedReasons.Code(reason));
                    w.WriteString("explanation", UnresolvedReasons.Explanation(reason));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            });
        }

        if (_approximate is { Count: > 0 })
        {
            fields[ApproximateField] = Element(w =>
            {
                w.WriteStartObject();
                foreach (var (name, text) in _approximate)
                {
                    w.WriteString(name, text);
                }

                w.WriteEndObject();
            });
        }

        if (_upstreamByName is { Count: > 0 })
        {
            fields[_upstreamByNameField!] = Element(w =>
            {
                w.WriteStartObject();
                foreach (var (name, upstreamName) in _upstreamByName)
                {
                    w.WriteString(name, upstreamName);
                }

                w.WriteEndObject();
            });
        }

        if (tolerated.Count > 0)
        {
            fields[ToleratedField] = Element(w =>
            {
                w.WriteStartArray();
                foreach (var text in tolerated)
                {
                    w.WriteStringValue(text);
                }

                w.WriteEndArray();
            });
        }
    }

    /// <summary>A JsonElement written by hand: no reflection, so trimming and NativeAOT keep working.</summary>
    private static JsonElement Element(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
