using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Relay;
using AltoGateway.Dhcp.Replies;
using AltoGateway.Dhcp.V4;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp.Relay;

/// <summary>Builds the relay of one interface in <c>V4Mode: Relay</c> from its <c>Relay</c> section.</summary>
internal static class DhcpV4RelayCircuits
{
    /// <summary>
    /// The circuit of <paramref name="nic"/>, added to <paramref name="uplink"/>. Option 82, when on, carries the
    /// Circuit-ID (<c>CircuitId</c>, else the interface's name) and the Remote-ID when one is configured.
    /// </summary>
    public static DhcpV4RelayCircuit Create(
        DhcpInterfaceOptions nic, AltoDhcpSettings altoSettings, AltoDhcpOptions alto, DhcpV4RelayUplink uplink,
        Func<Func<IPAddress, string?>?> peerIds, DhcpMetrics metrics, TimeProvider time, ILogger logger)
    {
        var relay = nic.Relay;
        DhcpV4RelayAgentInformation? information = null;
        if (relay.AddRelayAgentInformation)
        {
            var circuitId = System.Text.Encoding.ASCII.GetBytes(relay.CircuitId.Length > 0 ? relay.CircuitId : nic.Name);
            var remoteId = relay.RemoteId.Length > 0 ? (ReadOnlyMemory<byte>?)System.Text.Encoding.ASCII.GetBytes(relay.RemoteId) : null;
            information = DhcpV4RelayAgentInformation.Create(circuitId, remoteId);
        }

        var settings = new DhcpV4RelaySettings
        {
            Servers = [.. relay.Servers.Select(s => DhcpAddressText.TryParseV4(s, out var address) ? address : throw new InvalidOperationException($"'{s}' was not checked"))],
            AgentInformation = information,
            Trusted = relay.Trusted,
        };
        DhcpRelayLog.Circuit(logger, nic.Name, string.Join(", ", settings.Servers),
            information is null ? "off" : $"added (circuit-id '{System.Text.Encoding.ASCII.GetString(information.CircuitId!.Value.Span)}'{(relay.RemoteId.Length > 0 ? $", remote-id '{relay.RemoteId}'" : string.Empty)})",
            relay.Trusted ? "trusted" : "untrusted");
        var circuit = new DhcpV4RelayCircuit(nic.Name, new DhcpV4Relay(settings, alto, altoSettings.EnterpriseNumber, new DhcpV4RelayRequestMemory(time)),
            uplink, peerIds, metrics, time, logger);
        uplink.Add(circuit);
        return circuit;
    }
}
