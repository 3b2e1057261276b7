using Microsoft.Extensions.Logging;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Sends the app's warnings and errors to the output of the test running now, so a failed journey shows the
/// server's side of the story next to the browser's. The server outlives each test; the output is swapped per test.
/// </summary>
internal sealed class TestOutputLoggerProvider : ILoggerProvider
{
    private readonly List<string> _errors = [];
    private ITestOutputHelper? _output;

    public ITestOutputHelper? Output
    {
        get => Volatile.Read(ref _output);
        set => Volatile.Write(ref _output, value);
    }

    /// <summary>Errors the app logged since the last call: a journey that made the server fail has failed.</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        lock (_errors)
        {
            var errors = _errors.ToList();
            _errors.Clear();
            return errors;
        }
    }

    public ILogger CreateLogger(string categoryName) => new OutputLogger(this, categoryName);

    public void Dispose() => Output = null;

    private sealed class OutputLogger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = $"{category}: {formatter(state, exception)}";
            if (logLevel >= LogLevel.Error)
            {
                lock (provider._errors)
                {
                    provider._errors.Add(message + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
                }
            }

            if (provider.Output is not { } output)
            {
                return;
            }

            try
            {
                output.WriteLine($"[app {logLevel}] {message}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test this output belonged to has finished; the message has nowhere to go.
            }
        }
    }
}
