namespace AltoGateway.Host.Http;

/// <summary>
/// Seconds since the clock was made, from <see cref="TimeProvider"/> timestamps (monotonic, and a
/// fake clock in tests). Counting from zero keeps a double's precision at sub-microsecond level.
/// </summary>
internal sealed class SecondsClock(TimeProvider time)
{
    private readonly long _start = time.GetTimestamp();

    public double Now => time.GetElapsedTime(_start).TotalSeconds;
}
