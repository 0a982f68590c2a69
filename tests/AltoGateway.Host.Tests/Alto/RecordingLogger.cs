using Microsoft.Extensions.Logging;

namespace AltoGateway.Host.Tests.Alto;

/// <summary>Keeps every formatted log line with its event id, for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<(int EventId, string Message)> _lines = [];

    public IReadOnlyList<(int EventId, string Message)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<string> Messages(int eventId) => Lines.Where(l => l.EventId == eventId).Select(l => l.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add((eventId.Id, formatter(state, exception)));
        }
    }
}
