using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace AltoGateway.Host.Metrics;

/// <summary>
/// Renders the agent's System.Diagnostics.Metrics instruments in the Prometheus text exposition
/// format (version 0.0.4). Only meters created by this agent's <see cref="IMeterFactory"/> are
/// exported, so two agents in one process (tests) never see each other's numbers.
/// Counters become <c>name_total</c>, up-down counters and gauges become gauges, histograms get
/// cumulative <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listener.EnableMeasurementEvents(instrument, _families.GetOrAdd(instrument, MetricFamily.For));
                }
            },
            MeasurementsCompleted = (instrument, state) => _families.TryRemove(instrument, out var removed),
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Collects the observable instruments and renders every family, ordered by name.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private sealed class MetricFamily
    {
        private static readonly double[] DefaultBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
        private readonly Lock _gate = new();
        private const int MaxCachedLabelSets = 1024;
        private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly Dictionary<TagSet, string> _labelCache = [];
        private readonly Kind _kind;
        private readonly string _help;

        private MetricFamily(string name, Kind kind, string help)
        {
            Name = name;
            _kind = kind;
            _help = help;
        }

        private enum Kind
        {
            Counter,
            ObservedCounter,
            Gauge,
            ObservedGauge,
            Histogram,
        }

        public string Name { get; }

        public static MetricFamily For(Instrument instrument)
        {
            var kind = instrument switch
            {
                Counter<long> or Counter<int> or Counter<double> => Kind.Counter,
                ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => Kind.ObservedCounter,
                UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double> => Kind.Gauge,
                Histogram<long> or Histogram<int> or Histogram<double> => Kind.Histogram,
                _ => Kind.ObservedGauge, // observable gauges, observable up-down counters, Gauge<T>
            };
            var name = Sanitize(instrument.Name);
            if (kind is Kind.Counter or Kind.ObservedCounter && !name.EndsWith("_total", StringComparison.Ordinal))
            {
                name += "_total";
            }

            return new MetricFamily(name, kind, instrument.Description ?? instrument.Name);
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (_gate)
            {
                var labels = CachedLabels(tags);
                if (!_series.TryGetValue(labels, out var series))
                {
                    series = new Series(_kind == Kind.Histogram ? new long[DefaultBuckets.Length] : null);
                    _series[labels] = series;
                }

                switch (_kind)
                {
                    case Kind.Counter or Kind.Gauge:
                        series.Value += value;
                        break;
                    case Kind.Histogram:
                        series.Value += value;
                        series.Count++;
                        for (var i = 0; i < DefaultBuckets.Length; i++)
                        {
                            if (value <= DefaultBuckets[i])
                            {
                                series.Buckets![i]++;
                            }
                        }

                        break;
                    default:
                        series.Value = value;
                        break;
                }
            }
        }

        public void WriteTo(StringBuilder text)
        {
            lock (_gate)
            {
                if (_series.Count == 0)
                {
                    return;
                }

                var type = _kind switch
                {
                    Kind.Counter or Kind.ObservedCounter => "counter",
                    Kind.Histogram => "histogram",
                    _ => "gauge",
                };
                text.Append("# HELP ").Append(Name).Append(' ').Append(EscapeHelp(_help)).Append('\n');
                text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
                foreach (var (labels, series) in _series.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    if (_kind == Kind.Histogram)
                    {
                        for (var i = 0; i < DefaultBuckets.Length; i++)
                        {
                            WriteSample(text, Name + "_bucket", WithLabel(labels, "le", Format(DefaultBuckets[i])), series.Buckets![i]);
                        }

                        WriteSample(text, Name + "_bucket", WithLabel(labels, "le", "+Inf"), series.Count);
                        WriteSample(text, Name + "_sum", labels, series.Value);
                        WriteSample(text, Name + "_count", labels, series.Count);
                    }
                    else
                    {
                        WriteSample(text, Name, labels, series.Value);
                    }
                }
            }
        }

        private static void WriteSample(StringBuilder text, string name, string labels, double value)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(Format(value)).Append('\n');
        }

        private static string WithLabel(string labels, string key, string value) =>
            labels.Length == 0 ? $"{key}=\"{value}\"" : $"{labels},{key}=\"{value}\"";

        /// <summary>
        /// The label text of a tag set, built once per distinct set of up to <see cref="TagSet.Capacity"/>
        /// tags: instruments on hot paths (ASP.NET Core's per-request ones with five or six tags, one
        /// NAT lookup per endpoint of a tracker's request) record the same few sets over and over.
        /// Called under the family's lock.
        /// </summary>
        private string CachedLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length > TagSet.Capacity)
            {
                return Labels(tags);
            }

            var key = TagSet.Of(tags);
            if (!_labelCache.TryGetValue(key, out var labels))
            {
                labels = Labels(tags);
                if (_labelCache.Count < MaxCachedLabelSets)
                {
                    _labelCache[key] = labels;
                }
            }

            return labels;
        }

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                return string.Empty;
            }

            var pairs = new List<KeyValuePair<string, object?>>(tags.Length);
            foreach (var tag in tags)
            {
                pairs.Add(tag);
            }

            pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return string.Join(",", pairs.Select(p => $"{Sanitize(p.Key)}=\"{EscapeLabel(Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? string.Empty)}\""));
        }

        private static string Format(double value) => value switch
        {
            double.PositiveInfinity => "+Inf",
            double.NegativeInfinity => "-Inf",
            double.NaN => "NaN",
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };

        /// <summary>Metric and label names are [a-zA-Z_:][a-zA-Z0-9_:]*; our dotted names become underscored.</summary>
        private static string Sanitize(string name)
        {
            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                var ok = char.IsAsciiLetter(c) || c == '_' || c == ':' || (i > 0 && char.IsAsciiDigit(c));
                chars[i] = ok ? c : '_';
            }

            return new string(chars);
        }

        private static string EscapeLabel(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

        private static string EscapeHelp(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

        /// <summary>Up to three tags as a dictionary key; values compare with Equals (boxed numbers by value).</summary>
        private readonly record struct TagSet(
            KeyValuePair<string, object?> First, KeyValuePair<string, object?> Second, KeyValuePair<string, object?> Third,
            KeyValuePair<string, object?> Fourth, KeyValuePair<string, object?> Fifth, KeyValuePair<string, object?> Sixth)
        {
            public const int Capacity = 6;

            public static TagSet Of(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new(
                At(tags, 0), At(tags, 1), At(tags, 2), At(tags, 3), At(tags, 4), At(tags, 5));

            /// <summary>Compares keys ordinally and values with Equals (boxed numbers by value), without reflection.</summary>
            public bool Equals(TagSet other) =>
                Same(First, other.First) && Same(Second, other.Second) && Same(Third, other.Third)
                && Same(Fourth, other.Fourth) && Same(Fifth, other.Fifth) && Same(Sixth, other.Sixth);

            public override int GetHashCode() => HashCode.Combine(Hash(First), Hash(Second), Hash(Third), Hash(Fourth), Hash(Fifth), Hash(Sixth));

            private static KeyValuePair<string, object?> At(ReadOnlySpan<KeyValuePair<string, object?>> tags, int index) =>
                index < tags.Length ? tags[index] : default;

            private static bool Same(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) =>
                string.Equals(a.Key, b.Key, StringComparison.Ordinal) && Equals(a.Value, b.Value);

            private static int Hash(KeyValuePair<string, object?> tag) => HashCode.Combine(tag.Key, tag.Value);
        }

        private sealed class Series(long[]? buckets)
        {
            public double Value { get; set; }

            public long Count { get; set; }

            public long[]? Buckets { get; } = buckets;
        }
    }
}
