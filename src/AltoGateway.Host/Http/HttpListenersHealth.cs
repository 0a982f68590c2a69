using AltoGateway.Health;
using AltoGateway.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Http;

/// <summary>The <c>http</c> component: ready once Kestrel listens on every configured address.</summary>
internal sealed class HttpListenersHealth : IHostedService
{
    public const string ComponentName = "http";
    private readonly HealthReporter _reporter;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ListenerMap _listeners;
    private readonly ILogger _logger;

    public HttpListenersHealth(HealthRegistry health, IHostApplicationLifetime lifetime, ListenerMap listeners, ILogger<HttpListenersHealth> logger)
    {
        _reporter = health.Register(ComponentName);
        _lifetime = lifetime;
        _listeners = listeners;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStarted fires after every hosted service, Kestrel included, has started.
        _lifetime.ApplicationStarted.Register(() =>
        {
            _reporter.ReportReady();
            HostLog.Serving(_logger, AgentVersion.Text, ListenerMap.Describe(_listeners.Lan), ListenerMap.Describe(_listeners.Wan));
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
