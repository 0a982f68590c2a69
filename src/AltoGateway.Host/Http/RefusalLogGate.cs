using System.Globalization;

namespace AltoGateway.Host.Http;

/// <summary>
/// Keeps refusal logging from flooding the journal when a client hammers the agent: a
/// <see cref="TokenBucket"/> of log lines (a burst of 20, then one every 3 seconds); each line that
/// is written says how many were held back since the last one.
/// </summary>
internal sealed class RefusalLogGate(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SecondsClock _clock = new(time);
    private readonly TokenBucket _lines = new(1.0 / 3, 20, 0);
    private long _heldBack;

    /// <summary>True when a line may be written; <paramref name="suffix"/> then tells of the lines held back.</summary>
    public bool TryEnter(out string suffix)
    {
        var now = _clock.Now;
        lock (_gate)
        {
            if (!_lines.TryTake(now, out _))
            {
                _heldBack++;
                suffix = string.Empty;
                return false;
            }

            suffix = _heldBack == 0 ? string.Empty : $" ({_heldBack.ToString(CultureInfo.InvariantCulture)} more refusals not logged)";
            _heldBack = 0;
            return true;
        }
    }
}
