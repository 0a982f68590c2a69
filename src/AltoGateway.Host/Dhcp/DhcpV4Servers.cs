using System.Net;
using AltoGateway.Dhcp.Alto;
using AltoGateway.Dhcp.Leases;
using AltoGateway.Dhcp.ServerMode;
using AltoGateway.Health;
using AltoGateway.Host.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The interfaces in DHCPv4 server mode. At start (before the DHCP sockets open: it is registered first) each
/// opens its lease store in the state directory (<see cref="LeaseStore.OpenAsync"/>: the journal read back,
/// compacted) with the interface's address in its subnet as server identifier; at stop the stores are closed.
/// <c>altogw leases</c>, <c>/status</c> and the lease gauges read them here.
/// </summary>
internal sealed class DhcpV4Servers : IHostedService
{
    private readonly IReadOnlyList<DhcpInterfaceOptions> _configured;
    private readonly Dictionary<string, DhcpV4ServerInterface> _interfaces = new(StringComparer.Ordinal);
    private readonly string _stateDirectory;
    private readonly AltoDhcpOptions _alto;
    private readonly DhcpLeaseHealth? _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DhcpV4Servers(
        DhcpSettings settings, string stateDirectory, DhcpMetrics metrics, HealthRegistry health, Func<Func<IPAddress, string?>?> peerIds, TimeProvider time, ILogger<DhcpV4Servers> logger)
    {
        _configured = [.. settings.Options.Serves ? settings.Options.Interfaces.Where(i => i.V4Mode == DhcpV4Mode.Server) : []];
        _stateDirectory = stateDirectory;
        _alto = new AltoDhcpOptions(settings.Alto);
        _time = time;
        _logger = logger;
        if (_configured.Count > 0)
        {
            _health = new DhcpLeaseHealth(health);
            foreach (var nic in _configured)
            {
                _interfaces[nic.Name] = new DhcpV4ServerInterface(nic.Name, metrics, _health, peerIds, time, logger);
            }

            metrics.ObserveLeases(() => _interfaces.Values.Where(i => i.Server is not null).Select(i => (i.Name, i.Bound, i.PoolSize)));
        }
    }

    /// <summary>Every server-mode interface, in configuration order.</summary>
    public IEnumerable<DhcpV4ServerInterface> Interfaces => _configured.Select(n => _interfaces[n.Name]);

    /// <summary>The server-mode interface <paramref name="name"/>.</summary>
    public DhcpV4ServerInterface For(string name) => _interfaces[name];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var nic in _configured)
        {
            var server = _interfaces[nic.Name];
            try
            {
                var addresses = DhcpInterfaceAddresses.Read(nic.Name)?.Ipv4.Select(a => a.Address).ToList() ?? [];
                var pool = DhcpV4ServerPlan.TryCreatePool(nic, addresses, out var problem);
                if (pool is null)
                {
                    NotStarted(server, problem);
                    continue;
                }

                var store = await LeaseStore.OpenAsync(pool, DhcpV4ServerPlan.Times(nic), _stateDirectory, nic.Name, _time, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (store.LoadProblem is { } damaged)
                {
                    DhcpLog.JournalLoadProblem(_logger, nic.Name, damaged.ToString(), store.SkippedRecords);
                }

                var parameters = new DhcpV4ServerParameters(DhcpV4ServerPlan.Settings(nic), pool.PrefixLength, _alto);
                server.Started(new DhcpV4Server(store, parameters, _time));
                _health!.Started(nic.Name);
                DhcpLog.ServerStarted(_logger, nic.Name, nic.Subnet, pool.ServerAddress.ToString(), server.PoolSize, server.Bound, store.JournalPath, store.LoadedRecords);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                NotStarted(server, $"the lease journal cannot be opened: {ex.Message}");
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _interfaces.Values)
        {
            if (server.Server is { } running)
            {
                await running.Leases.DisposeAsync().ConfigureAwait(false);
                DhcpLog.ServerStopped(_logger, server.Name, running.Leases.JournalPath);
            }
        }
    }

    private void NotStarted(DhcpV4ServerInterface server, string problem)
    {
        server.NotStarted(problem);
        _health!.NotStarted(server.Name, problem);
        DhcpLog.ServerNotStarted(_logger, server.Name, problem);
    }
}
