namespace AltoGateway.Host.Alto;

/// <summary>What a reload of the built-in ALTO server did (the <c>result</c> label of <c>altogw_alto_reloads_total</c>).</summary>
internal enum AltoReloadResult
{
    /// <summary>New maps are served.</summary>
    Applied,

    /// <summary>The configuration gives the maps already served; nothing was swapped.</summary>
    Unchanged,

    /// <summary>The configuration could not be read or its Alto section is invalid; the old maps are still served.</summary>
    Rejected,
}
