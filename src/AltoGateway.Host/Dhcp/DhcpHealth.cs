using AltoGateway.Health;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The <c>dhcp</c> component: ready when every configured socket is bound, failed with the reasons while one is
/// not (a missing interface, no CAP_NET_BIND_SERVICE for port 67 / 547, no CAP_NET_RAW for SO_BINDTODEVICE on
/// old kernels). Sockets that failed are opened again by their listener, so the component recovers by itself.
/// </summary>
internal sealed class DhcpHealth
{
    public const string ComponentName = "dhcp";

    private readonly Lock _gate = new();
    private readonly HealthReporter _reporter;
    private readonly Dictionary<string, string?> _sockets;

    /// <summary>Registers the component, starting, with the sockets it waits for ("DHCPv4 on br-lan").</summary>
    public DhcpHealth(HealthRegistry health, IEnumerable<string> sockets)
    {
        _sockets = sockets.ToDictionary(s => s, s => (string?)"not bound yet", StringComparer.Ordinal);
        _reporter = health.Register(ComponentName);
    }

    public void Bound(string socket) => Set(socket, null);

    public void Failed(string socket, string reason) => Set(socket, reason);

    private void Set(string socket, string? failure)
    {
        lock (_gate)
        {
            _sockets[socket] = failure;
            var failures = _sockets.Where(s => s.Value is not null).Select(s => $"{s.Key}: {s.Value}").ToList();
            if (failures.Count == 0)
            {
                _reporter.ReportReady();
            }
            else if (_sockets.Values.Any(v => v is not null and not "not bound yet"))
            {
                _reporter.ReportFailed(string.Join("; ", failures.Where(f => !f.EndsWith("not bound yet", StringComparison.Ordinal))));
            }
        }
    }
}
