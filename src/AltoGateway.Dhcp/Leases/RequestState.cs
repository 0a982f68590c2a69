using System.Net;

namespace AltoGateway.Dhcp.Leases;

/// <summary>The client state a DHCPREQUEST comes from (RFC 2131 §4.3.2), which decides how the server answers.</summary>
public enum RequestState : byte
{
    /// <summary>The fields fit none of the four states: the server ignores the message.</summary>
    Malformed = 0,

    /// <summary>Answering a DHCPOFFER: server identifier and requested address set, ciaddr 0.</summary>
    Selecting,

    /// <summary>Rebooting with a remembered address: requested address set, no server identifier, ciaddr 0.</summary>
    InitReboot,

    /// <summary>Extending a lease by unicast to its server: ciaddr set, neither server identifier nor requested address.</summary>
    Renewing,

    /// <summary>Extending a lease by broadcast to any server: as <see cref="Renewing"/>, but broadcast.</summary>
    Rebinding,
}

/// <summary>Tells the four DHCPREQUEST states apart from the message's fields, exactly as RFC 2131 §4.3.2 lists them.</summary>
public static class RequestStateClassifier
{
    /// <param name="serverIdentifier">Option 54, null when absent.</param>
    /// <param name="requestedAddress">Option 50, null when absent.</param>
    /// <param name="clientAddress">ciaddr (0.0.0.0 when not filled in).</param>
    /// <param name="receivedByBroadcast">Whether the message reached the server broadcast (directly or relayed: a relay forwards only broadcasts); RENEWING is unicast.</param>
    public static RequestState Classify(IPAddress? serverIdentifier, IPAddress? requestedAddress, IPAddress clientAddress, bool receivedByBroadcast)
    {
        ArgumentNullException.ThrowIfNull(clientAddress);
        var hasClientAddress = !clientAddress.Equals(IPAddress.Any);
        return (serverIdentifier is not null, requestedAddress is not null, hasClientAddress) switch
        {
            // §4.3.2 SELECTING: "'server identifier' MUST be filled in, 'requested IP address' MUST be filled in, 'ciaddr' MUST be zero".
            (true, true, false) => RequestState.Selecting,

            // §4.3.2 INIT-REBOOT: "'server identifier' MUST NOT be filled in, 'requested IP address' option MUST be filled in …, 'ciaddr' MUST be zero".
            (false, true, false) => RequestState.InitReboot,

            // §4.3.2 RENEWING / REBINDING: "'server identifier' MUST NOT be filled in, 'requested IP address' option MUST NOT be filled in,
            // 'ciaddr' MUST be filled in"; RENEWING is unicast, REBINDING broadcast.
            (false, false, true) => receivedByBroadcast ? RequestState.Rebinding : RequestState.Renewing,
            _ => RequestState.Malformed,
        };
    }
}
