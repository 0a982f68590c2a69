namespace AltoGateway.Discovery.Naptr;

/// <summary>Why a NAPTR record or one of its fields is not a usable U-NAPTR (RFC 4848) for ALTO.</summary>
public enum UNaptrError
{
    /// <summary>It is usable.</summary>
    None = 0,

    /// <summary>The services field is not RFC 4848 §4.5 service-parms ("ALTO:https").</summary>
    BadServiceField,

    /// <summary>The flags are not exactly "u": U-NAPTR takes only the terminal "u" flag (RFC 4848 §4.4).</summary>
    FlagNotU,

    /// <summary>The regexp is empty, but a "u" record carries its URI there (RFC 4848 §2).</summary>
    EmptyRegexp,

    /// <summary>The first character is a digit, the flag "i" or a backslash, none of which may delimit (RFC 3402 §3.2).</summary>
    BadDelimiter,

    /// <summary>The regexp lacks its second or third delimiter.</summary>
    UnterminatedRegexp,

    /// <summary>The match part is not ".*": U-NAPTR rewrites the whole string (RFC 4848 §2.1).</summary>
    NotMatchAll,

    /// <summary>The substitution holds a back-reference ("\1"); with ".*" it would insert the query name.</summary>
    BackReference,

    /// <summary>A backslash escapes something other than a backslash or the delimiter (RFC 3402 §3.2).</summary>
    BadEscape,

    /// <summary>Something other than the "i" flag follows the final delimiter (RFC 3402 §3.2).</summary>
    TrailingCharacters,

    /// <summary>A "u" record's replacement must be empty (the root, "."), the URI being in the regexp (RFC 4848 §2).</summary>
    ReplacementNotEmpty,

    /// <summary>The substitution is not an absolute URI with a host.</summary>
    UriNotAbsolute,

    /// <summary>The URI scheme is neither http nor https (RFC 7286 §3.2: ALTO runs over HTTP).</summary>
    UriSchemeNotHttp,

    /// <summary>The URI scheme is not among the record's protocol tags, e.g. "ALTO:https" pointing to an http URI.</summary>
    UriSchemeNotInService,
}
