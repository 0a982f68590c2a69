using AltoGateway.Health;

namespace AltoGateway.Host.Dhcp;

/// <summary>
/// The <c>dhcp-leases</c> component of server mode: ready when every server interface's lease store is open and
/// its journal written; failed while one could not start (the interface has no address in its subnet, the state
/// directory cannot be used); degraded while a journal cannot be written (no reply is sent meanwhile).
/// </summary>
internal sealed class DhcpLeaseHealth
{
    public const string ComponentName = "dhcp-leases";

    private readonly Lock _gate = new();
    private readonly HealthReporter _reporter;
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _degraded = new(StringComparer.Ordinal);

    public DhcpLeaseHealth(HealthRegistry health) => _reporter = health.Register(ComponentName);

    public void Started(string @interface) => Update(() => _failed.Remove(@interface));

    public void NotStarted(string @interface, string reason) => Update(() => _failed[@interface] = reason);

    public void JournalFailed(string @interface, string reason) => Update(() => _degraded[@interface] = $"the lease journal cannot be written: {reason}");

    public void JournalWritten(string @interface) => Update(() => _degraded.Remove(@interface));

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
            if (_failed.Count > 0)
            {
                _reporter.ReportFailed(string.Join("; ", _failed.Select(f => $"DHCPv4 server on {f.Key}: {f.Value}")));
            }
            else if (_degraded.Count > 0)
            {
                _reporter.ReportDegraded(string.Join("; ", _degraded.Select(f => $"DHCPv4 server on {f.Key}: {f.Value}")));
            }
            else
            {
                _reporter.ReportReady();
            }
        }
    }
}
