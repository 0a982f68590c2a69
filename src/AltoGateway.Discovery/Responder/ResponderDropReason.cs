namespace AltoGateway.Discovery.Responder;

/// <summary>Why a message got no answer at all.</summary>
public enum ResponderDropReason
{
    /// <summary>It was answered.</summary>
    None = 0,

    /// <summary>Shorter than a header: there is no ID to answer to.</summary>
    TooShort,

    /// <summary>QR is set: a response is never answered (it could start a loop between two servers).</summary>
    Response,
}
