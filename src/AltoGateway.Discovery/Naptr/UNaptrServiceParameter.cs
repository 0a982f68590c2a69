using System.Collections.Immutable;

namespace AltoGateway.Discovery.Naptr;

/// <summary>
/// A U-NAPTR service field, service-parms of RFC 4848 §4.5 (after RFC 3958 §6.5): an application service tag
/// and one or more application protocol tags, "ALTO:https" (RFC 7286 §3.2). Tags compare ignoring ASCII case.
/// </summary>
public sealed class UNaptrServiceParameter : IEquatable<UNaptrServiceParameter>
{
    /// <summary>The only service tag IANA registered for ALTO (RFC 7286 §5).</summary>
    public const string AltoServiceTag = "ALTO";

    private const int MaximumTagLength = 32;

    private UNaptrServiceParameter(string service, ImmutableArray<string> protocols)
    {
        Service = service;
        Protocols = protocols;
    }

    /// <summary>"ALTO:https", the SP RFC 8686 §3.1 expects.</summary>
    public static UNaptrServiceParameter AltoHttps { get; } = new(AltoServiceTag, ["https"]);

    /// <summary>"ALTO:http", for debugging only (RFC 8686 §2).</summary>
    public static UNaptrServiceParameter AltoHttp { get; } = new(AltoServiceTag, ["http"]);

    /// <summary>The application service tag, "ALTO".</summary>
    public string Service { get; }

    /// <summary>The application protocol tags, in the order written.</summary>
    public ImmutableArray<string> Protocols { get; }

    /// <summary>Parses a services field; a field with no protocol tag is not usable for a URI and fails.</summary>
    public static bool TryParse(string? text, out UNaptrServiceParameter parameter, out UNaptrError error)
    {
        parameter = AltoHttps;
        error = UNaptrError.BadServiceField;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length < 2 || !IsTag(parts[0], isService: true))
        {
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (!IsTag(parts[i], isService: false))
            {
                return false;
            }
        }

        parameter = new UNaptrServiceParameter(parts[0], [.. parts[1..]]);
        error = UNaptrError.None;
        return true;
    }

    /// <summary>Parses a trusted services field.</summary>
    public static UNaptrServiceParameter Parse(string text) =>
        TryParse(text, out var parameter, out _) ? parameter : throw new FormatException($"Not a U-NAPTR service field: '{text}'.");

    /// <summary>True when the service tags are equal and the two share a protocol tag.</summary>
    public bool Matches(UNaptrServiceParameter wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return string.Equals(Service, wanted.Service, StringComparison.OrdinalIgnoreCase)
            && Protocols.Any(p => wanted.HasProtocol(p));
    }

    /// <summary>True when <paramref name="protocol"/> is one of the protocol tags.</summary>
    public bool HasProtocol(string protocol) =>
        Protocols.Any(p => string.Equals(p, protocol, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public bool Equals(UNaptrServiceParameter? other) =>
        other is not null && string.Equals(ToString(), other.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UNaptrServiceParameter);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    /// <summary>The field text, "ALTO:https".</summary>
    public override string ToString() => Service + ":" + string.Join(':', Protocols);

    // RFC 3958 §6.5: iana-registered-service = ALPHA *31ALPHANUMSYM; iana-registered-protocol = ALPHA *31ALPHANUM;
    // experimental ones are "x-" 1*30ALPHANUMSYM.
    private static bool IsTag(string tag, bool isService)
    {
        if (tag.Length is 0 or > MaximumTagLength || !char.IsAsciiLetter(tag[0]))
        {
            return false;
        }

        var experimental = tag.Length > 2 && tag.StartsWith("x-", StringComparison.OrdinalIgnoreCase);
        var symbolsAllowed = isService || experimental;
        foreach (var c in tag.AsSpan(experimental ? 2 : 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && !(symbolsAllowed && c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
