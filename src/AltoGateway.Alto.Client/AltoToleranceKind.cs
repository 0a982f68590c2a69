namespace AltoGateway.Alto.Client;

/// <summary>The ways a server departed from RFC 7285 that the client coped with (and said so).</summary>
public enum AltoToleranceKind
{
    /// <summary>Content-Type application/json instead of the ALTO media type (§8.3.3 says the exact type).</summary>
    GenericJsonContentType,

    /// <summary>No Content-Type at all (§8.3.3: the server MUST set it).</summary>
    MissingContentType,

    /// <summary>An error code that is none of the four of §8.5.2.</summary>
    NonStandardErrorCode,

    /// <summary>An error status with an HTML page; the detail has the status and the page's title.</summary>
    HtmlErrorPage,

    /// <summary>A network map without meta.vtag (§11.2.1.6), or a cost map or EPS answer without meta.dependent-vtags (§11.2.3.6, §11.4.1.6).</summary>
    MissingVtag,

    /// <summary>Requested ECS pairs or sources, or EPS endpoints, missing from the answer; the detail lists them.</summary>
    DroppedEndpoints,

    /// <summary>An answer keyed by addresses not in RFC 5952 / canonical form; re-keyed to the canonical text.</summary>
    NonCanonicalAddress,

    /// <summary>An IRD listed relative URIs; they were resolved against that IRD's URI (RFC 3986 §5).</summary>
    RelativeUri,

    /// <summary>A delegated sub-IRD (§9.2.4) could not be read or was beyond the depth limit; its resources are missing.</summary>
    SubDirectoryFailed,

    /// <summary>A sub-IRD pointed back to an IRD already read; it was not read again.</summary>
    DirectoryLoop,

    /// <summary>Answer keys nobody asked for; dropped from the result.</summary>
    UnrequestedEndpoints,

    /// <summary>
    /// An IRD entry that cannot be used as listed (an unusable URI, a resource id already defined in
    /// the closure (§9.1.1), an undefined cost-type name, no default network map in the root (§9.2.2));
    /// the entry or the name was skipped.
    /// </summary>
    InconsistentDirectory,
}
