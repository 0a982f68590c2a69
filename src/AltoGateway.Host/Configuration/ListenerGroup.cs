namespace AltoGateway.Host.Configuration;

/// <summary>Which side of the box a listener faces.</summary>
internal enum ListenerGroup
{
    /// <summary>Subscribers and the owner of the box.</summary>
    Lan,

    /// <summary>The outside world: trackers calling the third-party ALTO proxy.</summary>
    Wan,

    /// <summary>The local control socket of the command line (root and the agent's user only).</summary>
    Control,
}
