using AltoGateway.Health;
using AltoGateway.Nat.PortBlocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Nat;

/// <summary>
/// The <c>nat-port-blocks</c> component: RFC 7422 plans are computed, not fed, so it is ready as
/// soon as the plans exist; it logs what each plan hands out so an operator can check the numbers.
/// </summary>
internal sealed class PortBlockFeed(IEnumerable<DeterministicNatPlan> plans, HealthRegistry health, ILogger<PortBlockFeed> logger) : IHostedService
{
    public const string ComponentName = "nat-port-blocks";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var reporter = health.Register(ComponentName);
        foreach (var plan in plans)
        {
            NatLog.PortBlockPlan(logger, plan.SubscriberCount, plan.OutsideAddressCount, plan.PortsPerSubscriber, plan.Algorithm.ToString(),
                plan.DynamicPorts?.ToString() ?? "none");
        }

        reporter.ReportReady();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
