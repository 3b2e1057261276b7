using System.Collections.Concurrent;
using CareStories.Domain.Search;
using CareStories.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareStories.Web.Tests.Operations;

/// <summary>The app whose search fails, with its log written by the app's own formatters, scopes included.</summary>
public sealed class FailingSearchFactory : CareStoriesFactory
{
    public ConcurrentQueue<string> TextLog { get; } = new();

    public ConcurrentQueue<string> JsonLog { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["App:InstanceName"] = "app-2" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IStorySearch, BrokenSearch>());
        builder.ConfigureLogging((context, logging) => logging.AddProvider(new Capture(this, new JsonLogFormatter(context.Configuration))));
    }

    private sealed class BrokenSearch : IStorySearch
    {
        public Task<SearchPage> SearchAsync(SearchRequest request, StoryViewer viewer, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The search index is gone (a test).");
    }

    private sealed class Capture(FailingSearchFactory factory, JsonLogFormatter json) : ILoggerProvider, ISupportExternalScope
    {
        private readonly SafeLogFormatter _text = new();
        private readonly FailingSearchFactory _factory = factory;
        private readonly JsonLogFormatter _json = json;
        private IExternalScopeProvider? _scopes;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => capture._scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
                using var text = new StringWriter();
                capture._text.Write(entry, capture._scopes, text);
                capture._factory.TextLog.Enqueue(text.ToString());
                using var json = new StringWriter();
                capture._json.Write(entry, capture._scopes, json);
                capture._factory.JsonLog.Enqueue(json.ToString());
            }
        }
    }
}

public sealed class RequestIdTests(FailingSearchFactory factory) : IClassFixture<FailingSearchFactory>
{
    [Fact]
    public async Task The_error_page_shows_the_request_id_that_the_log_entry_of_the_failure_carries()
    {
        var client = await factory.SignInAsync(await factory.Data.PersonAsync());

        var response = await client.GetAsync("/Search?q=printer");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var reference = page.QuerySelector("main code")!.TextContent.Trim();
        Assert.NotEmpty(reference);
        Assert.DoesNotContain("search index is gone", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(factory.TextLog, line => line.Contains("request=" + reference + " ", StringComparison.Ordinal) && line.Contains("search index is gone", StringComparison.Ordinal));
        var entry = factory.JsonLog.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .First(e => e.TryGetProperty("exception", out var error) && error.GetString()!.Contains("search index is gone", StringComparison.Ordinal));
        Assert.Equal(reference, entry.GetProperty("requestId").GetString());
        Assert.Equal("app-2", entry.GetProperty("instance").GetString());
        Assert.Equal("Error", entry.GetProperty("level").GetString());
    }

    [Fact]
    public void A_json_log_entry_is_one_line_with_addresses_masked()
    {
        var formatter = new JsonLogFormatter(new ConfigurationBuilder().Build());
        using var writer = new StringWriter();

        formatter.Write(
            new LogEntry<string>(LogLevel.Warning, "Test", new EventId(3), "rosa@carestories.test\nforged line", null, (state, _) => "Could not reach " + state),
            null,
            writer);

        var written = writer.ToString();
        Assert.Equal(written.Length - 1, written.IndexOf('\n', StringComparison.Ordinal));
        Assert.DoesNotContain("rosa@carestories.test", written, StringComparison.Ordinal);
        var entry = System.Text.Json.JsonDocument.Parse(written).RootElement;
        Assert.Equal("Warning", entry.GetProperty("level").GetString());
        Assert.EndsWith("\nforged line", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
