using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Holded.Partners.Testing;

/// <summary>Every log entry a test host writes, by level, as its log filters let it through.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IEnumerable<string> Entries => _entries.Select(e => e.Text);
    public IEnumerable<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Text);
    public IEnumerable<string> Below(LogLevel level) => _entries.Where(e => e.Level < level).Select(e => e.Text);

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string category) => new Logger(category, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level != LogLevel.None; // what gets here is what the host's filters let through
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(level)) entries.Enqueue((level, $"{level} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}"));
        }
    }
}
