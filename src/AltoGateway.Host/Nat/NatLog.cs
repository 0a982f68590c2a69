using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>Log messages of the NAT map and its feeds. Event ids 3000-3099 (3100-3199: conntrack).</summary>
internal static partial class NatLog
{
    [LoggerMessage(3000, LogLevel.Information, "NAT map: room for {MaxEntries} mappings ({BudgetBytes} bytes budget)")]
    public static partial void MapCreated(ILogger logger, int maxEntries, long budgetBytes);

    [LoggerMessage(3001, LogLevel.Information, "Static NAT mappings loaded: {Count}")]
    public static partial void StaticLoaded(ILogger logger, int count);

    [LoggerMessage(3002, LogLevel.Warning, "Static NAT mapping {Protocol} {External} -> {Internal} not stored: the NAT map is full of static mappings (raise Nat:MemoryBudgetBytes)")]
    public static partial void StaticRejected(ILogger logger, string protocol, string external, string @internal);

    [LoggerMessage(3003, LogLevel.Debug, "NAT map: {Count} expired mappings removed")]
    public static partial void ExpiredRemoved(ILogger logger, int count);

    [LoggerMessage(3010, LogLevel.Error, "Peer IDs are off: {Problem}")]
    public static partial void PeerIdKeyUnusable(ILogger logger, string problem);

    [LoggerMessage(3011, LogLevel.Information, "Created a new peer-ID key in {Path}")]
    public static partial void PeerIdKeyCreated(ILogger logger, string path);

    [LoggerMessage(3012, LogLevel.Information, "Peer IDs: {Count} subscribers' IDs restored from the journal ({Skipped} damaged lines skipped)")]
    public static partial void PeerIdsRestored(ILogger logger, int count, int skipped);

    [LoggerMessage(3013, LogLevel.Warning, "Peer ID of {Subscriber} not recorded in the journal (it will not survive a restart): {Reason}")]
    public static partial void PeerIdJournalFailed(ILogger logger, System.Net.IPAddress subscriber, string reason);

    [LoggerMessage(3020, LogLevel.Information, "RFC 7422 port blocks: {Subscribers} subscribers on {Addresses} outside addresses, {Ports} ports each ({Algorithm}); dynamic pool ports {Dynamic}")]
    public static partial void PortBlockPlan(ILogger logger, long subscribers, long addresses, long ports, string algorithm, string dynamic);
}
