using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Proxy.Tests.Upstreams;

/// <summary>A fake clock that also writes down every timer it is asked for (Task.Delay makes one per pause).</summary>
internal sealed class DelayRecordingClock() : FakeTimeProvider(NatFixture.Noon)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _delays.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
