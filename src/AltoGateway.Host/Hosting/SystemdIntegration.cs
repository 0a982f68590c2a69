using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace AltoGateway.Host.Hosting;

/// <summary>
/// Decides whether the agent speaks sd_notify(3). Microsoft.Extensions.Hosting.Systemd turns
/// itself on only when systemd is the parent process (or we are PID 1); sd_notify's contract is
/// wider: whoever sets NOTIFY_SOCKET wants the notifications (a supervisor, a container runtime,
/// the emulated-board test). So both cases get the notifier and SystemdLifetime (READY=1,
/// STOPPING=1); only real systemd also gets the journald log format.
/// </summary>
internal static class SystemdIntegration
{
    public static void AddTo(IServiceCollection services)
    {
        if (SystemdHelpers.IsSystemdService())
        {
            services.AddSystemd();
        }
        else if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
    }
}
