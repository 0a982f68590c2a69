using AltoGateway.Health;

namespace AltoGateway.Host.Discovery;

/// <summary>
/// The <c>discovery</c> component: ready once the UDP and the TCP listener both answer on every configured
/// address, failed when either cannot bind (a port taken, no CAP_NET_BIND_SERVICE for port 53).
/// </summary>
internal sealed class DiscoveryHealth(HealthRegistry health)
{
    public const string ComponentName = "discovery";

    private readonly HealthReporter _reporter = health.Register(ComponentName);
    private int _pending = 2;
    private volatile bool _failed;

    /// <summary>One listener answers on all its addresses.</summary>
    public void ListenerReady()
    {
        if (Interlocked.Decrement(ref _pending) == 0 && !_failed)
        {
            _reporter.ReportReady();
        }
    }

    /// <summary>A listener cannot answer; the component stays failed (a restart binds again).</summary>
    public void ListenerFailed(string reason)
    {
        _failed = true;
        _reporter.ReportFailed(reason);
    }
}
