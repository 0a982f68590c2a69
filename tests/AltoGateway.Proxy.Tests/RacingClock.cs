using Microsoft.Extensions.Time.Testing;

namespace AltoGateway.Proxy.Tests;

/// <summary>
/// A fake clock that can let something happen "meanwhile": armed with <see cref="OnTimestampRead"/>,
/// it runs an action when the n-th timestamp is read from then on (the NAT map reads one per
/// look-up), which is how a test puts a conntrack delete between two look-ups of one request.
/// </summary>
internal sealed class RacingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _readsLeft;
    private Action? _meanwhile;

    /// <summary>Runs <paramref name="meanwhile"/> once, at the <paramref name="nth"/> timestamp read from now (1 = the next).</summary>
    public void OnTimestampRead(int nth, Action meanwhile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        _readsLeft = nth;
        _meanwhile = meanwhile;
    }

    /// <summary>Whether the armed action has run.</summary>
    public bool Happened => _meanwhile is null && _readsLeft == 0;

    public override long GetTimestamp()
    {
        if (_meanwhile is { } action && --_readsLeft == 0)
        {
            _meanwhile = null;
            action();
        }

        return base.GetTimestamp();
    }
}
