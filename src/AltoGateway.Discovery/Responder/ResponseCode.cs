namespace AltoGateway.Discovery.Responder;

/// <summary>The RCODEs the responder answers with (RFC 1035 §4.1.1; BADVERS: RFC 6891 §9).</summary>
public enum ResponseCode
{
    /// <summary>NOERROR: an answer, or NODATA when the answer section is empty.</summary>
    NoError = 0,

    /// <summary>FORMERR: the query could not be read.</summary>
    FormErr = 1,

    /// <summary>NXDOMAIN: the name does not exist in a zone of ours.</summary>
    NXDomain = 3,

    /// <summary>NOTIMP: an opcode other than QUERY, or MAILA/MAILB.</summary>
    NotImp = 4,

    /// <summary>REFUSED: a name outside our zones (no recursion), another class, or a zone transfer.</summary>
    Refused = 5,

    /// <summary>BADVERS: an EDNS version above 0 (carried partly in the OPT record).</summary>
    BadVers = 16,
}
